//! The integration tests, gathered in one binary: each file of `tests/` used to be a binary of its own
//! that linked the crate and its whole dependency tree again (59 links, 9.5 GB of `target/`). Each file
//! is now a module; `tests/bundled_catalogue.rs`, the one test of the bundled content, stays apart so
//! curators can run it alone.

mod cache;
mod cli_arguments;
mod cli_cache;
mod cli_check;
mod cli_export;
mod cli_present;
mod close_matches;
mod common;
mod curator_check;
mod curator_findings;
mod curator_new;
mod e2e_catalogue_untouched;
mod e2e_curator;
mod e2e_hostile;
mod e2e_serve;
mod e2e_serve_access;
mod e2e_serve_limits;
mod e2e_serve_room;
mod e2e_terminal;
mod e2e_tmux;
mod entry_doc;
mod fast_ron;
mod fuzz_regressions;
mod limits;
mod live_reload;
mod loading_diagnostics;
mod loading_robustness;
mod loading_slow_inputs;
mod material_groups;
mod names_are_words;
mod new_variant_needs_handling;
mod overview_legend;
mod query_engine;
mod query_narrowing;
mod query_parallel;
mod query_props;
mod query_scratch;
mod render_fuzz;
mod results_end;
mod theme_contrast;
mod ui_app;
mod ui_facilitator;
mod ui_house;
mod ui_loading;
mod ui_paging;
mod ui_problems;
mod ui_query_errors;
mod ui_selection;
mod ui_shortlist;
mod ui_snapshots;
mod unknown_values_at_start;
