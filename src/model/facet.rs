//! The facets entries are filtered by: what they are about (region, material, ESG theme, stage,
//! organisation), what they are (kind, review status) and when (year). They belong to the
//! catalogue's model, so that the words for them (`i18n`) and the search (`query`) both name them.

use super::VocabularyKind;

/// The facets entries can be filtered by, in the order the dashboard lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    Material,
    Theme,
    Kind,
    Stage,
    Organisation,
    Year,
    Status,
}

impl Facet {
    pub const COUNT: usize = 8;
    pub const ALL: [Facet; Facet::COUNT] = [
        Facet::Region,
        Facet::Material,
        Facet::Theme,
        Facet::Kind,
        Facet::Stage,
        Facet::Organisation,
        Facet::Year,
        Facet::Status,
    ];

    /// Position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name used in the query box (`mat:nd`).
    pub fn field_name(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Material => "mat",
            Facet::Theme => "theme",
            Facet::Kind => "kind",
            Facet::Stage => "stage",
            Facet::Organisation => "org",
            Facet::Year => "year",
            Facet::Status => "status",
        }
    }

    /// The command-line flag that selects values of this facet (`boucle --esg E5`, `boucle list
    /// --esg E5`). The ESG flag is not `--theme`, which names the colour theme.
    pub fn flag(self) -> &'static str {
        match self {
            Facet::Region => "--region",
            Facet::Material => "--material",
            Facet::Theme => "--esg",
            Facet::Kind => "--kind",
            Facet::Stage => "--stage",
            Facet::Organisation => "--org",
            Facet::Year => "--year",
            Facet::Status => "--status",
        }
    }

    /// Reads a field name of the query box, with a few long and English/French forms.
    pub fn from_field_name(name: &str) -> Option<Facet> {
        Some(match name.to_lowercase().as_str() {
            "region" | "reg" | "nuts" | "région" => Facet::Region,
            "mat" | "material" | "materials" | "matériau" | "materiau" => Facet::Material,
            "theme" | "themes" | "esg" | "thème" => Facet::Theme,
            "kind" | "type" => Facet::Kind,
            "stage" | "stages" | "étape" | "etape" => Facet::Stage,
            "org" | "orgs" | "organisation" | "organization" => Facet::Organisation,
            "year" | "année" | "annee" => Facet::Year,
            "status" | "review" | "statut" => Facet::Status,
            _ => return None,
        })
    }

    /// The vocabulary its values come from, for the four vocabulary facets.
    pub fn vocabulary(self) -> Option<VocabularyKind> {
        match self {
            Facet::Region => Some(VocabularyKind::Region),
            Facet::Material => Some(VocabularyKind::Material),
            Facet::Theme => Some(VocabularyKind::Theme),
            Facet::Stage => Some(VocabularyKind::Stage),
            Facet::Kind | Facet::Organisation | Facet::Year | Facet::Status => None,
        }
    }
}
