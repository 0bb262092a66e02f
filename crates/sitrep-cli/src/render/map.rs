//! The report's map: the events with coordinates drawn on an inline SVG over
//! Natural Earth's country outlines (no tiles, no scripts, no network), a dot
//! per event sized by its killed figure and linked to the event's card.

use std::fmt::Write as _;

use maud::{html, Markup};
use sitrep::EventRecord;
use sitrep_geo::Outlines;

/// The drawing's width in SVG units; the height follows the area's shape.
const WIDTH: f64 = 800.0;

/// CSS of the map section.
pub(super) const CSS: &str = r#"
section#map figure { margin: 0; }
svg.map { width: 100%; max-width: 760px; height: auto; background: #eaf2fb;
          border: 1px solid var(--line); border-radius: 6px; display: block; }
svg.map path.country { fill: #fbfaf5; stroke: #9aa5b5; stroke-width: 0.6; }
svg.map path.country.home { fill: #f3efe0; }
svg.map line.graticule { stroke: #8fa6c4; stroke-width: 0.5; stroke-opacity: 0.45; }
svg.map text.country-label { fill: #6b7586; font-size: 13px; font-style: italic; text-anchor: middle; }
svg.map text.graticule { fill: #7f8ea3; font-size: 10px; }
svg.map circle.event-dot { fill: #b42318; fill-opacity: 0.72; stroke: #fff; stroke-width: 1.5; }
svg.map a:hover circle.event-dot, svg.map a:focus circle.event-dot { fill-opacity: 1; stroke: var(--ink); }
svg.map text.event-label { fill: var(--ink); font-size: 12px; font-weight: 600;
                           paint-order: stroke; stroke: #fff; stroke-width: 3px; }
figcaption { color: var(--muted); font-size: 0.85em; margin-top: 4px; }
"#;

/// An equirectangular view of a box of the globe, squeezed by the cosine of
/// its middle latitude so that shapes look right away from the equator.
struct View {
    west: f64,
    south: f64,
    east: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
}

impl View {
    /// A view around `points` (longitude, latitude), with a margin, at least
    /// 8° across, never past the poles or the antimeridian.
    fn around(points: &[(f64, f64)]) -> View {
        let (mut w, mut e) = (f64::MAX, f64::MIN);
        let (mut s, mut n) = (f64::MAX, f64::MIN);
        for &(lon, lat) in points {
            w = w.min(lon);
            e = e.max(lon);
            s = s.min(lat);
            n = n.max(lat);
        }
        let pad_x = ((e - w) * 0.35).max(7.0);
        let pad_y = ((n - s) * 0.35).max(4.5);
        let (w, e) = ((w - pad_x).max(-180.0), (e + pad_x).min(180.0));
        let (s, n) = ((s - pad_y).max(-85.0), (n + pad_y).min(85.0));
        let squeeze = ((s + n) / 2.0).to_radians().cos().max(0.2);
        let scale_x = WIDTH / (e - w);
        View {
            west: w,
            south: s,
            east: e,
            north: n,
            scale_x,
            scale_y: scale_x / squeeze,
        }
    }

    fn height(&self) -> f64 {
        (self.north - self.south) * self.scale_y
    }

    fn x(&self, lon: f64) -> f64 {
        (lon - self.west) * self.scale_x
    }

    fn y(&self, lat: f64) -> f64 {
        (self.north - lat) * self.scale_y
    }

    /// An SVG path of polygon rings.
    fn path(&self, rings: &[Vec<(f64, f64)>]) -> String {
        let mut d = String::new();
        for ring in rings {
            for (k, &(lon, lat)) in ring.iter().enumerate() {
                let op = if k == 0 { 'M' } else { 'L' };
                let _ = write!(d, "{op}{:.1} {:.1}", self.x(lon), self.y(lat));
            }
            d.push('Z');
        }
        d
    }

    /// Graticule steps: about four to eight lines across.
    fn step(&self) -> f64 {
        let span = (self.east - self.west).max(self.north - self.south);
        [1.0, 2.0, 5.0, 10.0, 20.0, 30.0]
            .into_iter()
            .find(|s| span / s <= 8.0)
            .unwrap_or(60.0)
    }
}

/// A dot's radius: grows with the square root of the killed figure (so its
/// area tracks the figure), 5 units for none, at most 28.
fn radius(killed: Option<u64>) -> f64 {
    (5.0 + 3.0 * (killed.unwrap_or(0) as f64).sqrt()).min(28.0)
}

/// `12°E`, `3°S`.
fn degrees(v: f64, pos: char, neg: char) -> String {
    let h = if v < 0.0 { neg } else { pos };
    format!("{}°{h}", v.abs())
}

/// The map section; `None` when no event has coordinates. `card` gives the
/// element id of an event's card by its index.
pub(super) fn map(
    events: &[EventRecord],
    outlines: Option<&Outlines>,
    card: impl Fn(usize) -> String,
) -> Option<Markup> {
    let located: Vec<(usize, &EventRecord, (f64, f64))> = events
        .iter()
        .enumerate()
        .filter_map(|(k, e)| {
            let l = e.location.as_ref()?;
            let ok = l.longitude.is_finite() && l.latitude.is_finite();
            ok.then_some((k, e, (l.longitude, l.latitude)))
        })
        .collect();
    if located.is_empty() {
        return None;
    }
    let points: Vec<(f64, f64)> = located.iter().map(|(_, _, p)| *p).collect();
    let view = View::around(&points);
    let bbox = [view.west, view.south, view.east, view.north];
    let homes: Vec<&str> = located
        .iter()
        .filter_map(|(_, e, _)| e.location.as_ref()?.iso3.as_deref())
        .collect();
    let countries: Vec<(String, String, bool)> = outlines
        .map(|o| {
            o.within(bbox)
                .map(|c| {
                    let home = homes.contains(&c.iso3.as_str());
                    (view.path(&c.rings), c.name.clone(), home)
                })
                .collect()
        })
        .unwrap_or_default();
    // Names of the countries in view that are large enough on the drawing,
    // at the middle of their largest ring.
    let labels: Vec<(f64, f64, String)> = outlines
        .map(|o| {
            o.within(bbox)
                .filter_map(|c| {
                    let ring = c.rings.iter().max_by_key(|r| r.len())?;
                    let n = ring.len() as f64;
                    let lon = ring.iter().map(|p| p.0).sum::<f64>() / n;
                    let lat = ring.iter().map(|p| p.1).sum::<f64>() / n;
                    let (x, y) = (view.x(lon), view.y(lat));
                    let wide = (c.bbox[2] - c.bbox[0]) * view.scale_x > 90.0;
                    let inside = (40.0..WIDTH - 40.0).contains(&x)
                        && (20.0..view.height() - 20.0).contains(&y);
                    (wide && inside).then(|| (x, y, c.name.clone()))
                })
                .collect()
        })
        .unwrap_or_default();
    let step = view.step();
    let lons: Vec<f64> = ((view.west / step).ceil() as i64..=(view.east / step).floor() as i64)
        .map(|k| k as f64 * step)
        .collect();
    let lats: Vec<f64> = ((view.south / step).ceil() as i64..=(view.north / step).floor() as i64)
        .map(|k| k as f64 * step)
        .collect();
    let height = view.height();
    // Bigger dots first, so that small ones stay clickable on top.
    let mut dots = located.clone();
    dots.sort_by(|a, b| {
        let r = |e: &EventRecord| radius(killed(e));
        r(b.1).total_cmp(&r(a.1)).then(a.0.cmp(&b.0))
    });
    let unlocated: Vec<&str> = events
        .iter()
        .filter(|e| e.location.is_none())
        .map(|e| e.id.as_str())
        .collect();
    Some(html! {
        section id="map" {
            h2 { "Map" }
            figure {
                svg.map role="img"
                    viewBox={ "0 0 " (WIDTH) " " (format!("{height:.0}")) }
                    aria-label={ "Map of " (located.len()) " event(s)" } {
                    @for (d, name, home) in &countries {
                        path class=(if *home { "country home" } else { "country" }) d=(d) {
                            title { (name) }
                        }
                    }
                    @for lon in &lons {
                        line.graticule x1=(format!("{:.1}", view.x(*lon))) y1="0"
                            x2=(format!("{:.1}", view.x(*lon))) y2=(format!("{height:.0}")) {}
                        text.graticule x=(format!("{:.1}", view.x(*lon) + 2.0)) y=(format!("{:.0}", height - 4.0)) {
                            (degrees(*lon, 'E', 'W'))
                        }
                    }
                    @for lat in &lats {
                        line.graticule x1="0" y1=(format!("{:.1}", view.y(*lat)))
                            x2=(WIDTH) y2=(format!("{:.1}", view.y(*lat))) {}
                        text.graticule x="2" y=(format!("{:.1}", view.y(*lat) - 2.0)) {
                            (degrees(*lat, 'N', 'S'))
                        }
                    }
                    @for (x, y, name) in &labels {
                        text.country-label x=(format!("{x:.0}")) y=(format!("{y:.0}")) { (name) }
                    }
                    @for (k, e, (lon, lat)) in &dots {
                        a href={ "#" (card(*k)) } {
                            circle.event-dot data-event=(e.id)
                                cx=(format!("{:.1}", view.x(*lon))) cy=(format!("{:.1}", view.y(*lat)))
                                r=(format!("{:.1}", radius(killed(e)))) {
                                title { (dot_title(e)) }
                            }
                            text.event-label x=(format!("{:.1}", view.x(*lon) + radius(killed(e)) + 3.0))
                                y=(format!("{:.1}", view.y(*lat) + 4.0)) { (e.id) }
                        }
                    }
                }
                figcaption {
                    "Each dot is an event at its location, its area by the killed figure; click a dot for its card. "
                    @if !unlocated.is_empty() {
                        "Not on the map (no coordinates): " (unlocated.join(", ")) ". "
                    }
                    @if outlines.is_none() {
                        "Country outlines unavailable (run scripts/setup.sh). "
                    } @else {
                        "Country outlines: Natural Earth 1:110m (public domain). "
                    }
                    "Places: GeoNames (CC BY 4.0)."
                }
            }
        }
    })
}

/// The best killed figure, when one is reported.
fn killed(e: &EventRecord) -> Option<u64> {
    e.toll.killed.as_ref().and_then(|f| f.best)
}

/// `E1 · Hamrin Mountains, Salah ad Din, Iraq · 5 killed`.
fn dot_title(e: &EventRecord) -> String {
    let mut t = e.id.clone();
    if let Some(l) = &e.location {
        t.push_str(" · ");
        t.push_str(&l.name);
        for part in [&l.admin1, &l.country].into_iter().flatten() {
            if part != &l.name {
                t.push_str(", ");
                t.push_str(part);
            }
        }
    }
    match killed(e) {
        Some(k) => {
            let _ = write!(t, " · {k} killed");
        }
        None => t.push_str(" · no killed figure"),
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_keeps_its_points_inside_and_its_shape() {
        let v = View::around(&[(44.5, 34.2), (42.0, 33.0)]);
        for (lon, lat) in [(44.5, 34.2), (42.0, 33.0)] {
            assert!((0.0..=WIDTH).contains(&v.x(lon)));
            assert!((0.0..=v.height()).contains(&v.y(lat)));
        }
        // At 33°N a degree of longitude is cos(33°) of a degree of latitude.
        let ratio = v.scale_x / v.scale_y;
        assert!((ratio - 33.6f64.to_radians().cos()).abs() < 0.05, "{ratio}");
    }

    #[test]
    fn a_view_stops_at_the_edges_of_the_world() {
        let v = View::around(&[(179.0, 84.0), (-179.0, -84.0)]);
        assert_eq!(
            (v.west, v.east, v.south, v.north),
            (-180.0, 180.0, -85.0, 85.0)
        );
    }

    #[test]
    fn dots_grow_with_the_toll_up_to_a_cap() {
        assert!(radius(None) < radius(Some(1)));
        assert!(radius(Some(4)) < radius(Some(9)));
        assert_eq!(radius(Some(1_000_000)), 28.0);
    }

    #[test]
    fn a_path_closes_each_ring() {
        let v = View::around(&[(0.0, 0.0)]);
        let d = v.path(&[
            vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)],
            vec![(2.0, 2.0), (3.0, 2.0), (3.0, 3.0)],
        ]);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
    }
}
