//! A line chart laid out like the others (`charts`): whole units of a box, drawn by the
//! template as `<line>`s and points in percentages of an SVG without a `viewBox`, so
//! that its text keeps the page's size. Lines are segments (an SVG polyline cannot take
//! percentages); a series may be dashed (a forecast) and a reference line marks a
//! target (a budget).

use super::charts::{axis_scale, percent, placed_in_percent, rem, scale, Tick};

const WIDTH: i64 = 880;
const HEIGHT: i64 = 280;
const PLOT_LEFT: i64 = 8;
const PLOT_RIGHT: i64 = 864;
const PLOT_TOP: i64 = 24;
const BASELINE: i64 = 236;

/// One series: a value per slot of the x axis (None: no point there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSeries {
    pub class: &'static str,
    /// Read after the slot's title: "committed".
    pub name: String,
    pub values: Vec<Option<i64>>,
}

/// A straight piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub x1: i64,
    pub y1: i64,
    pub x2: i64,
    pub y2: i64,
    pub class: &'static str,
}

/// A point of a series, with the words read out for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub x: i64,
    pub y: i64,
    pub class: &'static str,
    pub label: String,
}

/// A label under the x axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XLabel {
    pub x: i64,
    pub label: String,
}

/// A horizontal line across the plot at a value (a budget), with its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub y: i64,
    pub label: String,
}

/// A line chart laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChart {
    pub width: i64,
    pub height: i64,
    pub plot_left: i64,
    pub plot_right: i64,
    pub baseline: i64,
    pub ticks: Vec<Tick>,
    pub segments: Vec<Segment>,
    pub points: Vec<Point>,
    pub x_labels: Vec<XLabel>,
    pub label_y: i64,
    pub reference: Option<Reference>,
}

placed_in_percent!(LineChart);

/// What the chart is made of: the slots' titles ("March 2026"), the labels to print
/// under some of them (slot index, label), the series, a reference value, and how a
/// value reads (on the axis and in titles).
pub struct LineInput<'a> {
    pub titles: &'a [String],
    pub labels: &'a [(usize, String)],
    pub series: &'a [LineSeries],
    pub reference: Option<(i64, String)>,
    pub axis_label: &'a dyn Fn(i64) -> String,
    pub value_label: &'a dyn Fn(i64) -> String,
}

/// Lays out the series over evenly spaced slots, joining each series' consecutive points.
pub fn line_chart(input: &LineInput) -> LineChart {
    let max_value = input
        .series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied())
        .chain(input.reference.as_ref().map(|(value, _)| *value))
        .max()
        .unwrap_or(0);
    let (top, step) = axis_scale(max_value);
    let y_of = |value: i64| BASELINE - scale(value, top, BASELINE - PLOT_TOP);
    let slots = i64::try_from(input.titles.len()).unwrap_or(1).max(1);
    let x_of = |slot: usize| {
        let slot = i64::try_from(slot).unwrap_or(0);
        if slots == 1 {
            (PLOT_LEFT + PLOT_RIGHT) / 2
        } else {
            PLOT_LEFT + slot * (PLOT_RIGHT - PLOT_LEFT) / (slots - 1)
        }
    };
    let mut segments = Vec::new();
    let mut points = Vec::new();
    for series in input.series {
        let mut previous: Option<(i64, i64)> = None;
        for (slot, value) in series.values.iter().enumerate() {
            let Some(value) = value else {
                previous = None;
                continue;
            };
            let (x, y) = (x_of(slot), y_of(*value));
            if let Some((x1, y1)) = previous {
                segments.push(Segment { x1, y1, x2: x, y2: y, class: series.class });
            }
            let title = input.titles.get(slot).map_or("", String::as_str);
            points.push(Point {
                x,
                y,
                class: series.class,
                label: format!("{title}: {} {}", (input.value_label)(*value), series.name),
            });
            previous = Some((x, y));
        }
    }
    LineChart {
        width: WIDTH,
        height: HEIGHT,
        plot_left: PLOT_LEFT,
        plot_right: PLOT_RIGHT,
        baseline: BASELINE,
        ticks: (0..)
            .map(|i| i * step)
            .take_while(|v| *v <= top)
            .map(|value| Tick { y: y_of(value), label: (input.axis_label)(value) })
            .collect(),
        segments,
        points,
        x_labels: input.labels.iter().map(|(slot, label)| XLabel { x: x_of(*slot), label: label.clone() }).collect(),
        label_y: BASELINE + 18,
        reference: input.reference.as_ref().map(|(value, label)| Reference { y: y_of(*value), label: label.clone() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_joined_in_order_and_a_gap_breaks_the_line() {
        let titles: Vec<String> = ["Jan", "Feb", "Mar", "Apr", "May"].map(String::from).to_vec();
        let series = [
            LineSeries {
                class: "line-a",
                name: "committed".into(),
                values: vec![Some(0), Some(50), Some(100), None, None],
            },
            LineSeries {
                class: "line-b",
                name: "forecast".into(),
                values: vec![None, None, Some(100), Some(150), Some(200)],
            },
        ];
        let label = |v: i64| format!("${v}");
        let chart = line_chart(&LineInput {
            titles: &titles,
            labels: &[(0, "2026".into())],
            series: &series,
            reference: Some((250, "Budget".into())),
            axis_label: &label,
            value_label: &label,
        });
        assert_eq!(chart.segments.len(), 4);
        assert_eq!(chart.points.len(), 6);
        assert_eq!(chart.points[0].label, "Jan: $0 committed");
        // The first and last slots sit on the plot's edges; the value 0 on the baseline.
        assert_eq!((chart.points[0].x, chart.points[0].y), (PLOT_LEFT, BASELINE));
        assert_eq!(chart.points[5].x, PLOT_RIGHT);
        // The axis reaches the reference: 250 in five steps of 50.
        let ticks: Vec<&str> = chart.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["$0", "$50", "$100", "$150", "$200", "$250"]);
        assert_eq!(chart.reference.as_ref().unwrap().y, PLOT_TOP, "the budget is the top of the axis");
        assert_eq!(chart.x_labels[0].x, PLOT_LEFT);
        assert_eq!(chart.x(PLOT_RIGHT), percent(PLOT_RIGHT, WIDTH));
        assert_eq!(chart.height_rem(), rem(HEIGHT));
    }
}
