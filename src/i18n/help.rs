//! The command line's help in both languages: each command's description and each option's,
//! found by the command's path and the option's id (`"list --format"`; an option every command
//! has, such as `--lang`, or one of the filters, by its id alone), and the words clap writes
//! itself (its headings, its help and version options, its `help` command), which it has in
//! English only.

use super::Said;
use crate::text::Lang;

/// The help of `key`: a command's path (`"cache list"`; `"boucle"` for boucle itself), or the
/// path and an option's id (`"list --format"`), or the id alone (`"--lang"`); `" (long)"` after a key: the
/// longer text `--help` shows where there is one.
pub fn help(key: &str) -> Option<Said> {
    HELP.iter().find(|(k, _, _)| *k == key).map(|(_, en, fr)| Said::new(*en, *fr))
}

/// Every key [`help`] knows.
pub fn keys() -> impl Iterator<Item = &'static str> {
    HELP.iter().map(|(key, _, _)| *key)
}

/// What clap writes itself around the commands' and options' help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClapWord {
    /// The usage line's title.
    Usage,
    /// `-h`, when `--help` says more.
    HelpShort,
    /// `--help`, when `-h` says less.
    HelpLong,
    /// `-h` and `--help` when they say the same.
    Help,
    Version,
    /// The `help` command.
    HelpCommand,
    /// The `help` command's argument.
    HelpCommandArgument,
}

pub fn clap_word(word: ClapWord) -> Said {
    match word {
        ClapWord::Usage => Said::new("Usage:", "Utilisation :"),
        ClapWord::HelpShort => {
            Said::new("Print help (see more with '--help')", "Afficher l’aide (plus de détails avec « --help »)")
        }
        ClapWord::HelpLong => {
            Said::new("Print help (see a summary with '-h')", "Afficher l’aide (un résumé avec « -h »)")
        }
        ClapWord::Help => Said::new("Print help", "Afficher l’aide"),
        ClapWord::Version => Said::new("Print version", "Afficher la version"),
        ClapWord::HelpCommand => Said::new(
            "Print this message or the help of the given subcommand(s)",
            "Afficher ce message ou l’aide des sous-commandes données",
        ),
        ClapWord::HelpCommandArgument => {
            Said::new("Print help for the subcommand(s)", "Afficher l’aide des sous-commandes")
        }
    }
}

/// The words clap keeps as `&'static str`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    /// The heading of the subcommands.
    Commands,
    /// The heading of the options.
    Options,
    /// The heading of the positional arguments.
    Arguments,
    /// The usage line's name for a subcommand.
    Command,
}

/// A heading; clap writes the colon after it, and French puts a no-break space before a colon.
pub fn heading(lang: Lang, heading: Heading) -> &'static str {
    match (heading, lang) {
        (Heading::Commands, Lang::En) => "Commands",
        (Heading::Commands, Lang::Fr) => "Commandes\u{a0}",
        (Heading::Options, Lang::En) => "Options",
        (Heading::Options, Lang::Fr) => "Options\u{a0}",
        (Heading::Arguments, Lang::En) => "Arguments",
        (Heading::Arguments, Lang::Fr) => "Arguments\u{a0}",
        (Heading::Command, Lang::En) => "COMMAND",
        (Heading::Command, Lang::Fr) => "COMMANDE",
    }
}

/// An option's default value, possible values and environment variable, as clap writes them
/// after its help.
pub fn default_value(value: &str) -> Said {
    Said::new(format!("[default: {value}]"), format!("[par défaut : {value}]"))
}

pub fn possible_values(values: &str) -> Said {
    Said::new(format!("[possible values: {values}]"), format!("[valeurs possibles : {values}]"))
}

pub fn environment_variable(name: &str) -> Said {
    Said::new(format!("[env: {name}=]"), format!("[variable d’environnement : {name}]"))
}

/// (key, English, French).
const HELP: &[(&str, &str, &str)] = &[
    (
        "boucle",
        "A terminal dashboard of circular-economy and critical-raw-materials good practices",
        "Un tableau de bord en terminal des bonnes pratiques d’économie circulaire et de matières premières critiques",
    ),
    (
        "boucle (long)",
        "Browse a catalogue of good practices, site visits, events and tours, with search and filters by region, material and ESG theme. Without a subcommand, opens the dashboard.",
        "Parcourir un catalogue de bonnes pratiques, de visites de sites, d’événements et de parcours, avec une recherche et des filtres par région, matière et thème ESG. Sans sous-commande, ouvre le tableau de bord.",
    ),
    (
        "cache list",
        "List the cached catalogues: each one's folders, size and last use, least recent first",
        "Lister les catalogues en cache : les dossiers de chacun, sa taille et sa dernière utilisation, le moins récent en premier",
    ),
    (
        "cache clear",
        "Remove every cached catalogue (the next start reads the folders again)",
        "Supprimer tous les catalogues en cache (le prochain démarrage relit les dossiers)",
    ),
    (
        "cache write",
        "Write the cache of the --catalogue folders (started by the commands, detached, once their output is out)",
        "Écrire le cache des dossiers --catalogue (lancé par les commandes, détaché, une fois leur sortie écrite)",
    ),
    (
        "cache write --folders",
        "The folders, each whole: `--catalogue` splits its value at `:`, a folder's name may hold one",
        "Les dossiers, chacun entier : `--catalogue` coupe sa valeur aux `:`, que le nom d’un dossier peut contenir",
    ),
    (
        "check --folders",
        "Catalogue folders to check, merged (default: --catalogue, else the bundled catalogue)",
        "Dossiers de catalogue à vérifier, fusionnés (par défaut : --catalogue, sinon le catalogue intégré)",
    ),
    (
        "check --format",
        "Output for people (human), for tools (json) or as GitHub Actions annotations (github)",
        "Sortie pour les personnes (human), pour les outils (json) ou en annotations GitHub Actions (github)",
    ),
    (
        "check --errors_only",
        "Show errors only (warnings are still counted in the summary)",
        "N’afficher que les erreurs (les avertissements restent comptés dans le bilan)",
    ),
    (
        "check --deny_warnings",
        "Fail (exit 1) on warnings too, as a strict CI would",
        "Échouer (code 1) aussi sur les avertissements, comme une CI stricte",
    ),
    (
        "check --review_age",
        "Warn about entries whose review (`checked:`) is older than this many days",
        "Signaler les fiches dont la relecture (`checked:`) date de plus de ce nombre de jours",
    ),
    (
        "check --fix",
        "Apply the suggestions that leave no doubt (one close candidate for a misspelt field, id, status or reference), print the diff, then check again",
        "Appliquer les suggestions sans ambiguïté (un seul candidat proche pour un champ, un identifiant, un statut ou une référence mal écrits), afficher le diff, puis vérifier de nouveau",
    ),
    (
        "check --links",
        "Check every source and website address over the network (dead, moved)",
        "Vérifier chaque adresse de source et de site sur le réseau (morte, déplacée)",
    ),
    (
        "check --links_age",
        "With --links: ask again addresses whose last result is older than this many days",
        "Avec --links : redemander les adresses dont le dernier résultat date de plus de ce nombre de jours",
    ),
    (
        "check --links_timeout",
        "With --links: the seconds an address has to answer",
        "Avec --links : les secondes qu’une adresse a pour répondre",
    ),
    (
        "check --links_delay",
        "With --links: the pause between two requests to one host, in milliseconds",
        "Avec --links : la pause entre deux requêtes à un même hôte, en millisecondes",
    ),
    (
        "check --interreg",
        "Name, for each good practice, the Interreg Europe template's sections that are empty or too long (notes; warnings with --deny-warnings)",
        "Nommer, pour chaque bonne pratique, les sections du modèle Interreg Europe vides ou trop longues (notes ; avertissements avec --deny-warnings)",
    ),
    ("completions --shell", "The shell the script is for", "Le shell auquel le script est destiné"),
    (
        "config path",
        "Print where the config file is (whether or not it is there)",
        "Afficher où est le fichier de réglages (qu’il existe ou non)",
    ),
    (
        "config show",
        "Print every setting in effect and where it came from: the command line, the environment, the config file or the default; then the file's problems, if any",
        "Afficher chaque réglage en vigueur et d’où il vient : la ligne de commande, l’environnement, le fichier de réglages ou la valeur par défaut ; puis les problèmes du fichier, s’il en a",
    ),
    (
        "config init",
        "Write a commented config file, every setting commented out; never over an existing one",
        "Écrire un fichier de réglages commenté, chaque réglage en commentaire ; jamais par-dessus un fichier existant",
    ),
    (
        "export --shortlist",
        "Export the shortlist (the one the dashboard keeps, or this shortlist file)",
        "Exporter la sélection (celle que garde le tableau de bord, ou ce fichier de sélection)",
    ),
    (
        "export --tour",
        "Export a tour: its stops in order, with dates, key facts, the facilitator's notes and sources",
        "Exporter un parcours : ses étapes dans l’ordre, avec les dates, les faits clés, les notes de l’animateur et les sources",
    ),
    ("export --entry", "Export one entry", "Exporter une fiche"),
    (
        "export --format",
        "md (a handout), csv, json, html (one self-contained page) or interreg (the Interreg Europe good-practice template, in Markdown)",
        "md (un document à distribuer), csv, json, html (une page autonome) ou interreg (le modèle de bonne pratique Interreg Europe, en Markdown)",
    ),
    (
        "export --output",
        "Write to this file instead of standard output",
        "Écrire dans ce fichier plutôt que sur la sortie standard",
    ),
    ("export --force", "Replace the output file if it exists", "Remplacer le fichier de sortie s’il existe"),
    (
        "export --excel",
        "With --format csv: a file for Excel, which needs a UTF-8 byte-order mark, and in French `;` between cells (`,` is the decimal mark there). LibreOffice and other tools read the plain CSV",
        "Avec --format csv : un fichier pour Excel, qui veut une marque d’ordre d’octets UTF-8 et, en français, des `;` entre les cellules (la `,` y est la marque décimale). LibreOffice et les autres outils lisent le CSV simple",
    ),
    (
        "--region",
        "Region: a NUTS code (FRE12) or country (FR, EL); a parent includes its sub-regions",
        "Région : un code NUTS (FRE12) ou un pays (FR, EL) ; un parent inclut ses sous-régions",
    ),
    (
        "--material",
        "Material: an id (rare-earths), a symbol (Nd) or a group. A group finds the entries tagged with any of its members; a member finds the entries tagged with it or with a group it belongs to (an entry about rare earths for magnets is about neodymium too)",
        "Matière : un identifiant (rare-earths), un symbole (Nd) ou un groupe. Un groupe trouve les fiches marquées de l’un de ses membres ; un membre trouve les fiches marquées de lui ou d’un groupe auquel il appartient (une fiche sur les terres rares pour aimants parle aussi du néodyme)",
    ),
    (
        "--esg",
        "ESG theme: an ESRS topic (E5) or pillar (E, S, G)",
        "Thème ESG : un sujet ESRS (E5) ou un pilier (E, S, G)",
    ),
    (
        "--kind",
        "Kind of entry: practice, visit, event, tour, organisation",
        "Type de fiche : practice, visit, event, tour, organisation",
    ),
    (
        "--stage",
        "Value-chain stage: extraction, processing, recycling-recovery, post-mining, …",
        "Étape de la chaîne de valeur : extraction, processing, recycling-recovery, post-mining, …",
    ),
    ("--org", "Organisation involved, by id or name", "Organisation impliquée, par identifiant ou par nom"),
    ("--year", "Year, or a range of years such as 2023..2025", "Année, ou plage d’années comme 2023..2025"),
    ("--status", "Review status: draft, to-complete, reviewed", "Statut de relecture : draft, to-complete, reviewed"),
    (
        "--query",
        "Search words and field filters, as typed in the dashboard's search box (`-word` excludes a word, so the text may start with a dash)",
        "Mots cherchés et filtres de champ, tels qu’on les tape dans la recherche du tableau de bord (`-mot` exclut un mot, le texte peut donc commencer par un tiret)",
    ),
    (
        "fmt --paths",
        "Catalogue files, or folders whose `.ron` files are formatted (default: the --catalogue folders)",
        "Fichiers du catalogue, ou dossiers dont les fichiers `.ron` sont mis en forme (par défaut : les dossiers --catalogue)",
    ),
    (
        "fmt --check",
        "Write nothing: print the diff of each file that is not formatted, and exit 1 if any is",
        "Ne rien écrire : afficher le diff de chaque fichier mal mis en forme, et sortir avec le code 1 s’il y en a un",
    ),
    (
        "list --format",
        "Output: a table for people, or json, csv, md (Markdown) for other tools",
        "Sortie : un tableau pour les personnes, ou json, csv, md (Markdown) pour d’autres outils",
    ),
    (
        "list --limit",
        "At most this many entries, best first (default: all)",
        "Au plus ce nombre de fiches, les meilleures d’abord (par défaut : toutes)",
    ),
    (
        "list --width",
        "Width of the table in columns, 20 or more (default: the terminal's, else $COLUMNS, else 100)",
        "Largeur du tableau en colonnes, 20 ou plus (par défaut : celle du terminal, sinon $COLUMNS, sinon 100)",
    ),
    (
        "man --dir",
        "The folder to write the pages into, made if missing (default: the current folder). Pages of an earlier version there are replaced. For `man boucle` to find them, a `man1` folder on the manual path, such as ~/.local/share/man/man1",
        "Le dossier où écrire les pages, créé s’il manque (par défaut : le dossier courant). Les pages d’une version antérieure y sont remplacées. Pour que `man boucle` les trouve, un dossier `man1` du chemin des manuels, comme ~/.local/share/man/man1",
    ),
    (
        "--catalogues",
        "A catalogue folder to read instead of the bundled catalogue; repeat it to merge folders",
        "Un dossier de catalogue à lire au lieu du catalogue intégré ; répétez-le pour fusionner des dossiers",
    ),
    (
        "--lang",
        "Language of the interface and of the entries: fr or en (default: the config file's, else from LC_ALL, LC_MESSAGES or LANG)",
        "Langue de l’interface et des fiches : fr ou en (par défaut : celle du fichier de réglages, sinon selon LC_ALL, LC_MESSAGES ou LANG)",
    ),
    (
        "--theme",
        "Colours of the dashboard: dark, light (for projectors), high-contrast or mono (no colour) (default: from BOUCLE_THEME, else the config file, else dark). NO_COLOR turns colour off",
        "Couleurs du tableau de bord : dark, light (pour les projecteurs), high-contrast ou mono (sans couleur) (par défaut : selon BOUCLE_THEME, sinon le fichier de réglages, sinon dark). NO_COLOR enlève les couleurs",
    ),
    (
        "--no_mouse",
        "Leave the mouse to the terminal (for selecting text with it)",
        "Laisser la souris au terminal (pour y sélectionner du texte)",
    ),
    (
        "--present",
        "For a projector: hide the tabs, the query line and the status line",
        "Pour un projecteur : masquer les onglets, la ligne de recherche et la ligne d’état",
    ),
    (
        "--screen_reader",
        "For a screen reader: plain lines appended as you go, each selection said once in one line, the cursor on it; no boxes, no full-screen redraws (README: Using boucle with a screen reader)",
        "Pour un lecteur d’écran : des lignes simples ajoutées au fil de l’eau, chaque sélection dite une fois en une ligne, le curseur dessus ; ni cadres, ni plein écran redessiné (README : Using boucle with a screen reader)",
    ),
    (
        "--no_watch",
        "Do not reload the dashboard (or the served room) when files of the --catalogue folders change",
        "Ne pas recharger le tableau de bord (ni la salle servie) quand des fichiers des dossiers --catalogue changent",
    ),
    (
        "--poll",
        "Look for changes every second instead of waiting for change events (network and container filesystems that send none)",
        "Chercher les changements chaque seconde plutôt qu’attendre des événements (systèmes de fichiers réseau et conteneurs qui n’en envoient pas)",
    ),
    (
        "--no_cache",
        "Read the --catalogue folders without the catalogue cache, and write none (the cache is in the user's cache folder, $XDG_CACHE_HOME/boucle or ~/.cache/boucle)",
        "Lire les dossiers --catalogue sans le cache de catalogue, et n’en écrire aucun (le cache est dans le dossier de cache de l’utilisateur, $XDG_CACHE_HOME/boucle ou ~/.cache/boucle)",
    ),
    (
        "--shortlist_file",
        "The shortlist file of the dashboard (default: boucle/shortlist.ron in the user's data folder, $XDG_DATA_HOME or ~/.local/share)",
        "Le fichier de sélection du tableau de bord (par défaut : boucle/shortlist.ron dans le dossier de données de l’utilisateur, $XDG_DATA_HOME ou ~/.local/share)",
    ),
    (
        "check",
        "Check a catalogue folder for every problem (exit 0 when clean, 1 when not)",
        "Vérifier un dossier de catalogue, tous ses problèmes (code 0 s’il est propre, 1 sinon)",
    ),
    (
        "fmt",
        "Lay catalogue files out canonically, keeping every comment and every value (--check: only say which files are not, with a diff)",
        "Mettre en forme les fichiers du catalogue, en gardant chaque commentaire et chaque valeur (--check : dire seulement lesquels ne le sont pas, avec un diff)",
    ),
    (
        "list",
        "Print the entries the filters and query select: a table, JSON, CSV or Markdown",
        "Afficher les fiches que choisissent les filtres et la recherche : un tableau, du JSON, du CSV ou du Markdown",
    ),
    ("show", "Print one entry in full, as Markdown or JSON", "Afficher une fiche en entier, en Markdown ou en JSON"),
    (
        "serve",
        "Serve a workshop room over SSH: each participant gets their own dashboard",
        "Servir une salle d’atelier par SSH : chaque participant a son propre tableau de bord",
    ),
    (
        "export",
        "A handout of the shortlist, a tour, one entry or a list: Markdown, CSV, JSON, HTML or the Interreg Europe template",
        "Un document de la sélection, d’un parcours, d’une fiche ou d’une liste : Markdown, CSV, JSON, HTML ou le modèle Interreg Europe",
    ),
    (
        "present",
        "Present a tour's stops, or the entries the filters and query select, one per screen",
        "Présenter les étapes d’un parcours, ou les fiches que choisissent les filtres et la recherche, une par écran",
    ),
    (
        "new",
        "Write a commented template for a new entry into the --catalogue folder",
        "Écrire un modèle commenté de nouvelle fiche dans le dossier --catalogue",
    ),
    (
        "init",
        "Create an empty regional catalogue folder, with a README for its curators",
        "Créer un dossier de catalogue régional vide, avec un README pour ses curateurs",
    ),
    (
        "cache",
        "The catalogue cache: `boucle cache list` shows it, `boucle cache clear` removes it",
        "Le cache des catalogues : `boucle cache list` le montre, `boucle cache clear` le vide",
    ),
    (
        "completions",
        "Print the completion script of a shell: bash, zsh, fish, powershell or elvish",
        "Afficher le script de complétion d’un shell : bash, zsh, fish, powershell ou elvish",
    ),
    (
        "completions (long)",
        "Print the completion script of a shell: bash, zsh, fish, powershell or elvish.\n\nLoad it at each shell start, so that it always matches the boucle installed: in ~/.bashrc, `source <(boucle completions bash)`. Tour, entry, region, material, ESG theme and stage ids are completed from the catalogue the command line names (--catalogue, else BOUCLE_CATALOGUE, else the bundled one).",
        "Afficher le script de complétion d’un shell : bash, zsh, fish, powershell ou elvish.\n\nChargez-le à chaque démarrage du shell, pour qu’il corresponde toujours au boucle installé : dans ~/.bashrc, `source <(boucle completions bash)`. Les identifiants de parcours, de fiches, de régions, de matières, de thèmes ESG et d’étapes sont complétés depuis le catalogue que nomme la ligne de commande (--catalogue, sinon BOUCLE_CATALOGUE, sinon le catalogue intégré).",
    ),
    (
        "man",
        "Write a manual page for each command (boucle.1, boucle-check.1, …) into a folder",
        "Écrire une page de manuel par commande (boucle.1, boucle-check.1, …) dans un dossier",
    ),
    (
        "config",
        "The config file: `path` says where it is, `show` the settings in effect and where each came from, `init` writes a commented one",
        "Le fichier de réglages : `path` dit où il est, `show` les réglages en vigueur et d’où vient chacun, `init` en écrit un commenté",
    ),
    (
        "new --kind",
        "practice, visit, event, tour or organisation (as `--kind` names them)",
        "practice, visit, event, tour ou organisation (comme `--kind` les nomme)",
    ),
    (
        "new --id",
        "The new entry's id, which is its file name: unaccented letters, digits, dashes, underscores and dots (a final .ron is left out)",
        "L’identifiant de la nouvelle fiche, qui est son nom de fichier : lettres sans accent, chiffres, tirets, soulignés et points (un .ron final est retiré)",
    ),
    (
        "new --form",
        "Fill the entry in a form in the terminal (pickers for vocabulary ids, dates and every problem `check` would report shown as you type) rather than write a template",
        "Remplir la fiche dans un formulaire du terminal (sélecteurs pour les identifiants, les dates, et chaque problème que `check` signalerait, montré pendant la saisie) plutôt qu’écrire un modèle",
    ),
    (
        "init --dir",
        "The folder to create (it must not exist, or be empty)",
        "Le dossier à créer (il ne doit pas exister, ou être vide)",
    ),
    (
        "present --tour",
        "The tour to present, by id (its file name); without it, the entries the filters and query select",
        "Le parcours à présenter, par identifiant (son nom de fichier) ; sans lui, les fiches que choisissent les filtres et la recherche",
    ),
    (
        "present --console",
        "The facilitator's console for TOUR: the stop now and the next, the notes, the clocks and a countdown to the next stop's time. Start it beside `boucle present TOUR`, in another terminal, before or after it: the two attach through a socket in $XDG_RUNTIME_DIR and move together; either drives",
        "La console de l’animateur pour TOUR : l’étape en cours et la suivante, les notes, les horloges et un compte à rebours jusqu’à l’heure de l’étape suivante. Lancez-la à côté de `boucle present TOUR`, dans un autre terminal, avant ou après : les deux se relient par un socket dans $XDG_RUNTIME_DIR et avancent ensemble ; l’une ou l’autre pilote",
    ),
    (
        "present --say",
        "Post TEXT as the room line of TOUR's running presentation (shown to every participant following in a room, and on the console), then exit; an empty TEXT clears it",
        "Publier TEXT comme ligne de salle de la présentation en cours de TOUR (montrée à chaque participant qui suit dans une salle, et sur la console), puis sortir ; un TEXT vide l’efface",
    ),
    (
        "serve --listen",
        "Address and port to listen on. The default, 127.0.0.1:2222, is this machine only; for a room, listen on the network: --listen 0.0.0.0:2222 (anyone on the network can then reach the port: use a password or keys)",
        "Adresse et port d’écoute. Par défaut, 127.0.0.1:2222, cette machine seulement ; pour une salle, écoutez sur le réseau : --listen 0.0.0.0:2222 (tout le réseau peut alors atteindre le port : utilisez un mot de passe ou des clés)",
    ),
    (
        "serve --password_file",
        "A file whose first line is the room password",
        "Un fichier dont la première ligne est le mot de passe de la salle",
    ),
    (
        "serve --authorized_keys",
        "An OpenSSH authorized_keys file: these keys log in, each one a participant who is known again after a reconnection",
        "Un fichier authorized_keys d’OpenSSH : ces clés se connectent, chacune un participant reconnu après une reconnexion",
    ),
    (
        "serve --open",
        "Let in anyone who reaches the port, without a password",
        "Laisser entrer quiconque atteint le port, sans mot de passe",
    ),
    (
        "serve --host_key",
        "The server's key (default: ssh_host_ed25519_key in the data folder, made on first start)",
        "La clé du serveur (par défaut : ssh_host_ed25519_key dans le dossier de données, créée au premier démarrage)",
    ),
    ("serve --max_sessions", "Dashboards and commands at once", "Tableaux de bord et commandes à la fois"),
    (
        "serve --connections_per_minute",
        "New connections per minute from one address",
        "Nouvelles connexions par minute depuis une même adresse",
    ),
    (
        "serve --idle_minutes",
        "Minutes without a key before a dashboard is closed",
        "Minutes sans touche avant qu’un tableau de bord soit fermé",
    ),
    (
        "serve --login_grace_seconds",
        "Seconds a connection has to log in, after which it is closed (\"timeout before authentication\")",
        "Secondes qu’a une connexion pour s’identifier, après quoi elle est fermée (« timeout before authentication »)",
    ),
    (
        "serve --max_startups",
        "Connections waiting to log in, at most (10 from one address); when all are taken, one that has not even asked to log in makes way for a new one",
        "Connexions en attente d’identification, au plus (10 depuis une même adresse) ; quand toutes sont prises, une qui n’a même pas demandé à s’identifier cède la place à une nouvelle",
    ),
    (
        "serve --report",
        "When the room closes, write the workshop's result (the room's picks with their counts, and the entries picked) to FILE.md and FILE.json; never over a file",
        "À la fermeture de la salle, écrire le résultat de l’atelier (les choix de la salle avec leurs nombres, et les fiches choisies) dans FILE.md et FILE.json ; jamais par-dessus un fichier",
    ),
    (
        "serve --presentation",
        "Run a presentation of TOUR that participants follow with `f`. It is driven by a session logged in with the facilitator's credential (--facilitator-password-file, --facilitator-keys), and on this machine by `boucle present TOUR --console`",
        "Lancer une présentation de TOUR que les participants suivent avec `f`. Elle est pilotée par une session connectée avec l’identifiant de l’animateur (--facilitator-password-file, --facilitator-keys), et sur cette machine par `boucle present TOUR --console`",
    ),
    (
        "serve --facilitator_password_file",
        "A file whose first line is the facilitator's password, separate from the room's: a session logged in with it drives the presentation",
        "Un fichier dont la première ligne est le mot de passe de l’animateur, distinct de celui de la salle : une session connectée avec lui pilote la présentation",
    ),
    (
        "serve --facilitator_keys",
        "An OpenSSH authorized_keys file of the facilitator's keys: a session logged in with one drives the presentation",
        "Un fichier authorized_keys d’OpenSSH avec les clés de l’animateur : une session connectée avec l’une d’elles pilote la présentation",
    ),
    (
        "show --id",
        "The entry's id (its file name without .ron)",
        "L’identifiant de la fiche (son nom de fichier sans .ron)",
    ),
    ("show --format", "Output: md (Markdown) or json", "Sortie : md (Markdown) ou json"),
];
