//! Running the curator's editor on a file at a line: `$VISUAL`, else `$EDITOR`, else `vi` if
//! there is one. The command is split into words as a shell would split it (`EDITOR="code
//! --wait"`, `EDITOR='"/Applications/My Editor/ed" -w'`: quotes and backslashes keep a word
//! whole), with `shlex`, and run directly, never through a shell, so neither the variable nor a
//! file name can become a command. A value with unbalanced quotes is not used.

use std::path::Path;
use std::process::Command;

/// What became of a request to edit a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditOutcome {
    /// The editor ran and exited; the catalogue may have changed.
    Edited,
    /// Neither `$VISUAL` nor `$EDITOR` is set and there is no `vi`.
    NoEditor,
    /// The file is not on disk: the entry comes from the catalogue built into the program.
    NotAFile,
    /// The editor could not be started, or failed.
    Failed(crate::i18n::Said),
    /// This host cannot hand its terminal to a program (a session over SSH).
    Unavailable,
}

/// The program and arguments that open `path` at `line`, from the editor variables given.
pub fn command(
    path: &Path,
    line: usize,
    visual: Option<String>,
    editor: Option<String>,
) -> Option<(String, Vec<String>)> {
    let mut words = [visual, editor]
        .into_iter()
        .flatten()
        .filter_map(|value| shlex::split(&value))
        .find(|words| !words.is_empty())
        .or_else(|| find_in_path("vi").then(|| vec!["vi".to_string()]))?
        .into_iter();
    let program = words.next()?;
    let mut args: Vec<String> = words.collect();
    let name = Path::new(&program).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let file = path.display().to_string();
    match name.as_str() {
        // Editors that take `file:line`.
        "code" | "codium" | "code-insiders" => args.extend(["--goto".to_string(), format!("{file}:{line}")]),
        "subl" | "zed" | "hx" | "helix" => args.push(format!("{file}:{line}")),
        // vi, vim, nvim, nano, emacs, micro, kak, joe, ne… take `+line file`.
        _ => args.extend([format!("+{line}"), file]),
    }
    Some((program, args))
}

fn find_in_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Runs the editor and waits for it (the caller has released the terminal).
pub fn run(program: &str, args: &[String]) -> EditOutcome {
    match Command::new(program).args(args).status() {
        Ok(status) if status.success() => EditOutcome::Edited,
        Ok(status) => {
            #[cfg(unix)]
            let signal = std::os::unix::process::ExitStatusExt::signal(&status);
            #[cfg(not(unix))]
            let signal = None;
            EditOutcome::Failed(crate::i18n::commands::editor_exited(program, status.code(), signal))
        }
        Err(e) => EditOutcome::Failed(crate::i18n::commands::at_path(program, &crate::i18n::problems::io_problem(&e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_gets_the_line_its_way_and_is_split_not_shelled() {
        let path = Path::new("good-practices/x; rm -rf.ron");
        let (program, args) = command(path, 12, None, Some("vim -p".into())).unwrap();
        assert_eq!(
            (program.as_str(), args),
            ("vim", vec!["-p".into(), "+12".into(), "good-practices/x; rm -rf.ron".into()])
        );
        let (program, args) = command(path, 3, Some("code --wait".into()), Some("vim".into())).unwrap();
        assert_eq!(program, "code");
        assert_eq!(args, vec!["--wait", "--goto", "good-practices/x; rm -rf.ron:3"]);
    }

    #[test]
    fn a_quoted_program_path_with_spaces_is_one_word() {
        let path = Path::new("x.ron");
        let editor = Some(r#""/path with space/ed" -w"#.to_string());
        let (program, args) = command(path, 7, None, editor).unwrap();
        assert_eq!(program, "/path with space/ed");
        assert_eq!(args, vec!["-w", "+7", "x.ron"]);
        let (program, args) = command(path, 2, Some(r"/my\ editors/subl -n".into()), None).unwrap();
        assert_eq!((program.as_str(), args), ("/my editors/subl", vec!["-n".to_string(), "x.ron:2".to_string()]));
        // Unbalanced quotes: not a command; the next variable is used.
        let (program, _) = command(path, 1, Some(r#""/unclosed -w"#.into()), Some("nano".into())).unwrap();
        assert_eq!(program, "nano");
    }
}
