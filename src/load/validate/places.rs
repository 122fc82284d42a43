//! An entry's coordinates against its region and its source: a place outside the region's
//! country (each polygon of the country's land at 1:10m, from Natural Earth, as a box with a
//! margin of about 5 km for ports and shores), then outside the NUTS region's own box (GISCO's
//! NUTS 2024 outline at 1:20M, with a margin of 0.1°; the nearest parent's box where the region
//! has none), and coordinates written more precisely than any source supports.
//!
//! The precision rule: more than 5 decimals is finer than a metre. An operator's address, an
//! official register or a commune's entry in a gazetteer gives at most 4 or 5 (a site to
//! about 10 m or 1 m); 6 or more are a converter's or a map click's digits, not the source's.

use super::{FileReporter, Span};
use crate::diagnostic::Diagnostic;
use crate::geo::{Atlas, Bounds, Point, nuts};
use crate::i18n::Said;
use crate::i18n::problems as say;
use crate::model::{Entry, Term, Vocabulary};
use crate::text::Lang;

/// More decimals than this is more precise than a source supports.
pub const MAX_DECIMALS: usize = 5;
/// Degrees added around each box of a country's land.
const MARGIN: f64 = 0.05;
/// Degrees added around a NUTS region's box: its 1:20M outline stops up to 0.1° short of the
/// region at ragged capes (measured in `geo::nuts::region_box`).
const REGION_MARGIN: f64 = 0.1;

/// A latitude and a longitude some place has (neither NaN nor infinite).
pub(super) fn on_the_globe(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
}

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
    if !on_the_globe(lat, lon) {
        problems.push(
            Diagnostic::error("bad-coordinates", reporter.file, span.start, span.end, say::not_on_the_globe(lat, lon))
                .with_expected(say::on_the_globe()),
        );
        return;
    }
    let Some(index) = regions.index_of(location.region.as_str()) else { return };
    let point = Point::new(lat, lon);
    if !point.is_valid() {
        return;
    }
    let ancestors = regions.with_ancestors(index);
    // The country is the region's topmost parent; its code is NUTS's (EL for Greece).
    let country = regions.term(*ancestors.last().unwrap_or(&index));
    let Some(boxes) = Atlas::get().country(country.id.as_str()) else { return };
    let in_country = |p: Point| boxes.iter().any(|b| within(b, MARGIN, p));
    if !in_country(point) {
        let swapped = Point::new(lon, lat);
        let help =
            if swapped.is_valid() && in_country(swapped) { say::swapped(lat, lon) } else { say::check_the_place() };
        let message = say::outside_region(
            lat,
            lon,
            location.region.as_str(),
            country.label.get(Lang::Fr),
            country.label.get(Lang::En),
        );
        problems.push(outside(reporter, span, message, location.region.as_str(), help));
        return;
    }
    // Inside the country: test the region's own box, or its nearest parent's that has one.
    let Some((region, bounds)) =
        ancestors.iter().find_map(|&i| nuts::region_box(regions.term(i).id.as_str()).map(|b| (regions.term(i), b)))
    else {
        return;
    };
    if within(&bounds, REGION_MARGIN, point) {
        return;
    }
    // Swapped numbers are named by the country test only: to stay in the same country once
    // swapped, latitude and longitude must be of a size, which no bundled country's are.
    let help = match regions_holding(regions, &ancestors, point).as_slice() {
        [] => say::region_spans(region, bounds.south, bounds.north, bounds.west, bounds.east),
        others => say::in_other_regions(&others.iter().map(|&i| regions.term(i)).collect::<Vec<&Term>>()),
    };
    let own = location.region.as_str();
    let message = say::outside_region_box(lat, lon, region, (region.id.as_str() != own).then_some(own));
    problems.push(outside(reporter, span, message, location.region.as_str(), help));
}

fn outside(reporter: &FileReporter<'_>, span: Span, message: Said, region: &str, help: Said) -> Diagnostic {
    Diagnostic::warning("coordinates-outside-region", reporter.file, span.start, span.end, message)
        .with_expected(say::a_point_in(region))
        .with_help(Some(help))
}

fn within(b: &Bounds, margin: f64, p: Point) -> bool {
    p.lat >= b.south - margin && p.lat <= b.north + margin && p.lon >= b.west - margin && p.lon <= b.east + margin
}

/// The vocabulary's deepest regions, other than the entry's region and its parents, whose box
/// (without margin) holds the point: the regions the entry may have meant.
fn regions_holding(regions: &Vocabulary, ancestors: &[usize], point: Point) -> Vec<usize> {
    let holding: Vec<usize> = (0..regions.len())
        .filter(|i| !ancestors.contains(i))
        .filter(|&i| nuts::region_box(regions.term(i).id.as_str()).is_some_and(|b| b.contains(point)))
        .collect();
    let deepest = holding.iter().map(|&i| regions.depth(i)).max();
    holding.into_iter().filter(|&i| Some(regions.depth(i)) == deepest).take(3).collect()
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
