//! An entry's coordinates against its region and its source: a place outside the region's
//! country (each polygon of the country's land at 1:10m, from Natural Earth, as a box with a
//! margin of about 5 km for ports and shores), and coordinates written more precisely than any
//! source supports.
//!
//! The precision rule: more than 5 decimals is finer than a metre. An operator's address, an
//! official register or a commune's entry in a gazetteer gives at most 4 or 5 (a site to
//! about 10 m or 1 m); 6 or more are a converter's or a map click's digits, not the source's.

use super::{FileReporter, Span};
use crate::diagnostic::Diagnostic;
use crate::geo::{Atlas, Point};
use crate::i18n::problems as say;
use crate::model::{Entry, Vocabulary};

/// More decimals than this is more precise than a source supports.
pub const MAX_DECIMALS: usize = 5;
/// Degrees added around each box of a country's land.
const MARGIN: f64 = 0.05;

pub(super) fn check_coordinates(
    entry: &Entry,
    regions: &Vocabulary,
    reporter: &mut FileReporter<'_>,
    problems: &mut Vec<Diagnostic>,
) {
    let Some(location) = &entry.common.location else { return };
    let Some(&(lat, lon)) = location.coordinates.as_deref() else { return };
    let span = reporter.field_span("coordinates");
    if let Some((written, decimals)) = written_precision(reporter, span)
        && decimals > MAX_DECIMALS
    {
        problems.push(
            Diagnostic::warning(
                "coordinates-too-precise",
                reporter.file,
                span.start,
                span.end,
                say::too_precise(&written, decimals),
            )
            .with_help(Some(say::round_them())),
        );
    }
    let Some(index) = regions.index_of(location.region.as_str()) else { return };
    // The country is the region's topmost parent; its code is NUTS's (EL for Greece).
    let root = *regions.with_ancestors(index).last().unwrap_or(&index);
    let country = regions.term(root);
    let Some(boxes) = Atlas::get().country(country.id.as_str()) else { return };
    let inside = |p: Point| {
        boxes.iter().any(|b| {
            p.lat >= b.south - MARGIN
                && p.lat <= b.north + MARGIN
                && p.lon >= b.west - MARGIN
                && p.lon <= b.east + MARGIN
        })
    };
    if !Point::new(lat, lon).is_valid() || inside(Point::new(lat, lon)) {
        return;
    }
    let help = if Point::new(lon, lat).is_valid() && inside(Point::new(lon, lat)) {
        say::swapped(lat, lon)
    } else {
        say::check_the_place()
    };
    problems.push(
        Diagnostic::warning(
            "coordinates-outside-region",
            reporter.file,
            span.start,
            span.end,
            say::outside_region(
                lat,
                lon,
                location.region.as_str(),
                country.label.get(crate::text::Lang::Fr),
                country.label.get(crate::text::Lang::En),
            ),
        )
        .with_expected(say::a_point_in(location.region.as_str()))
        .with_help(Some(help)),
    );
}

/// The coordinates as written after `coordinates:` (`(50.123456, 2.5)`), and the most decimals
/// either number has.
fn written_precision(reporter: &mut FileReporter<'_>, span: Span) -> Option<(String, usize)> {
    if span == Span::FILE_START {
        return None;
    }
    let (text, _) = reporter.located();
    let line = text.lines().nth(span.end.line.checked_sub(1)?)?;
    let after: String = line.chars().skip(span.end.column.saturating_sub(1)).collect();
    let open = after.find('(')?;
    let close = open + after[open..].find(')')?;
    let inner = &after[open + 1..close];
    let decimals = inner
        .split(',')
        .map(|n| n.trim().split_once('.').map_or(0, |(_, d)| d.chars().take_while(char::is_ascii_digit).count()))
        .max()?;
    Some((format!("({})", inner.trim()), decimals))
}
