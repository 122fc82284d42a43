//! What the form says in the screen-reader mode: the line under the cursor (its name, whether
//! it must be filled, its value, the problems `check` finds in it, « 3 sur 24 »), and while a
//! picker is open, what is typed and the choice under the cursor.

use super::super::state::FormState;
use crate::diagnostic::severity_word;
use crate::i18n::config as say;
use crate::i18n::form::{FormWord, field_label, form_word};
use crate::i18n::with_colon;
use crate::text::Lang;

/// The form's line, said again whenever what it says changes (a key typed, a choice moved to).
pub fn line(form: &FormState, lang: Lang) -> String {
    let row = form.row();
    let name = field_label(lang, row.line.field(), row.line.part());
    if let Some(picker) = &form.picker {
        let typed = picker.query.text();
        let typed = if typed.is_empty() { String::new() } else { format!("{}, ", say::typing(lang, typed)) };
        let head = format!("{} {typed}", with_colon(lang, &name));
        let Some(&choice) = picker.matches.get(picker.cursor) else {
            return format!("{head}{}", form_word(lang, FormWord::NoMatch));
        };
        let choice = &row.choices[choice];
        let picked = if row.ids.contains(&choice.id) {
            format!(", {}", form_word(lang, FormWord::Picked))
        } else {
            String::new()
        };
        let at = say::position(lang, picker.cursor + 1, picker.matches.len());
        return format!("{head}{} ({}){picked}, {at}", choice.label, choice.id);
    }
    let (value, _) = row.value_text(lang);
    let value = if value.is_empty() { form_word(lang, FormWord::Empty).to_string() } else { value };
    let required = if row.line.required { format!(", {}", form_word(lang, FormWord::Required)) } else { String::new() };
    let mut said = format!("{} {value}", with_colon(lang, &format!("{name}{required}")));
    for problem in &row.problems {
        said.push_str(&format!(
            ", {} {}",
            with_colon(lang, severity_word(lang, problem.severity)),
            problem.message.get(lang)
        ));
    }
    format!("{said}, {}", say::position(lang, form.cursor + 1, form.rows.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::curate::form::FormStart;
    use crate::model::{Catalogue, Kind};

    fn new_practice() -> FormState {
        let start = FormStart {
            kind: Kind::GoodPractice,
            id: "a-new-practice".into(),
            path: "good-practices/a-new-practice.ron".into(),
            text: None,
            ends_session: false,
        };
        FormState::open(start, &Catalogue::default(), Lang::En).expect("a new entry's form opens")
    }

    #[test]
    fn the_line_under_the_cursor_says_its_name_that_it_is_required_empty_its_problem_and_where_it_is() {
        let form = new_practice();
        let said = line(&form, Lang::En);
        let row = form.row();
        let name = field_label(Lang::En, row.line.field(), row.line.part());
        assert!(said.starts_with(&format!("{name}, required: empty, ")), "{said}");
        assert!(said.ends_with(&format!(", 1 of {}", form.rows.len())), "{said}");
        // A new entry's empty required title is a problem `check` reports: it is said with it.
        assert!(!row.problems.is_empty() && said.contains("error: "), "{said}");
        assert!(!said.contains('│') && !said.contains('✗'), "marks that only draw are not said: {said}");
    }

    #[test]
    fn in_french_it_says_sur_and_the_value_typed() {
        let mut form = new_practice();
        for c in "Boucle".chars() {
            form.edit(&crate::ui::action::Edit::Insert(c));
        }
        let said = line(&form, Lang::Fr);
        assert!(said.contains(", obligatoire : Boucle, "), "{said}");
        assert!(said.contains(&format!("1 sur {}", form.rows.len())), "{said}");
    }

    #[test]
    fn a_picker_says_what_is_typed_and_the_choice_under_its_cursor() {
        let mut form = new_practice();
        // A picker of words (the review's status) has its choices without a catalogue.
        while !form.row().picks() || form.row().choices.is_empty() {
            form.down();
        }
        assert!(form.open_picker(""), "a picker opens on {:?}", form.row().line.field());
        let said = line(&form, Lang::En);
        let picker = form.picker.as_ref().unwrap();
        let choice = &form.row().choices[picker.matches[0]];
        assert!(!said.contains("search:"), "nothing typed yet: {said}");
        assert!(said.contains(&format!("{} ({})", choice.label, choice.id)), "{said}");
        assert!(said.ends_with(&format!("1 of {}", picker.matches.len())), "{said}");
        form.edit(&crate::ui::action::Edit::Insert('z'));
        form.edit(&crate::ui::action::Edit::Insert('q'));
        let said = line(&form, Lang::En);
        assert!(said.ends_with("search: zq, no match"), "{said}");
    }
}
