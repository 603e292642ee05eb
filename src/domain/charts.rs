//! Chart geometry, pure: numbers in, rectangles, ticks and label positions out, in whole
//! units of a `width` × `height` box. Templates draw what these functions lay out, so the
//! scaling is tested here and the pages need no script.
//!
//! Pages place them in percentages of the drawing (`x`, `y`, `w`, `h` of each chart) in an
//! SVG without a `viewBox`, `height` rem tall (`height_rem`): the drawing stretches to its
//! box, while its text keeps the page's size (at least 12 CSS px on a phone, growing with
//! the reader's text size) instead of shrinking with the drawing.
//!
//! Coordinates are whole units; a stack's segments are cut from the same rounded
//! boundaries, so they never overlap or leave gaps.

use super::numbers::grouped;

/// A rectangle to draw, with its CSS class and the words read out for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub width: i64,
    pub height: i64,
    pub class: &'static str,
    /// The rectangle's `<title>`: what it stands for, with its number.
    pub label: String,
}

/// A gridline of a column chart's value axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub y: i64,
    pub label: String,
}

/// One series of a stacked column chart (a status, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub class: &'static str,
    /// In lower case, as it reads after a number: "approved".
    pub name: String,
}

/// One column's numbers, one per series, and its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnInput {
    /// The short label under the column: "Mar".
    pub label: String,
    /// A second, optional line under the label: "2026".
    pub sublabel: String,
    /// The full name, for titles: "March 2026".
    pub title: String,
    pub values: Vec<i64>,
}

/// A laid-out column: its stacked segments (bottom first) and where its labels go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub label: String,
    pub sublabel: String,
    pub center_x: i64,
    pub segments: Vec<Rect>,
    pub total: String,
    /// The baseline of the total printed above the column.
    pub total_y: i64,
}

/// A stacked column chart laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnChart {
    pub width: i64,
    pub height: i64,
    pub plot_left: i64,
    pub plot_right: i64,
    /// The y of the value 0.
    pub baseline: i64,
    pub ticks: Vec<Tick>,
    pub columns: Vec<Column>,
    /// Where the first and second label lines under the columns sit.
    pub label_y: i64,
    pub sublabel_y: i64,
}

const COLUMN_CHART_WIDTH: i64 = 880;
const COLUMN_CHART_HEIGHT: i64 = 280;
const COLUMN_PLOT_LEFT: i64 = 56;
const COLUMN_PLOT_RIGHT: i64 = 872;
const COLUMN_PLOT_TOP: i64 = 24;
const COLUMN_BASELINE: i64 = 236;
const COLUMN_MAX_WIDTH: i64 = 48;

/// `part` of `whole` as a CSS percentage with three decimals: `12.345%`.
pub fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0%".to_owned();
    }
    let thousandths = i128::from(part) * 100_000 / i128::from(whole);
    let sign = if thousandths < 0 { "-" } else { "" };
    let thousandths = thousandths.abs();
    format!("{sign}{}.{:03}%", thousandths / 1000, thousandths % 1000)
}

/// `units` of a chart in rem: a unit is a CSS pixel at the default text size, 16 a rem.
pub(super) fn rem(units: i64) -> String {
    let thousandths = i128::from(units.max(0)) * 1000 / 16;
    format!("{}.{:03}rem", thousandths / 1000, thousandths % 1000)
}

/// Positions in a drawing of `width` × `height` units, as the page writes them.
macro_rules! placed_in_percent {
    ($chart:ty) => {
        impl $chart {
            /// A horizontal position or length, in percent of the width.
            pub fn x(&self, units: impl std::borrow::Borrow<i64>) -> String {
                percent(*units.borrow(), self.width)
            }
            /// A vertical position or length, in percent of the height.
            pub fn y(&self, units: impl std::borrow::Borrow<i64>) -> String {
                percent(*units.borrow(), self.height)
            }
            /// The drawing's height, growing with the reader's text size.
            pub fn height_rem(&self) -> String {
                rem(self.height)
            }
        }
    };
}
pub(super) use placed_in_percent;
placed_in_percent!(ColumnChart);
placed_in_percent!(BarChart);

/// The top of a value axis that shows `max`, and the step between its gridlines: a
/// step of 1, 2 or 5 times a power of ten giving at most five steps.
pub fn axis_scale(max: i64) -> (i64, i64) {
    if max <= 0 {
        return (1, 1);
    }
    let mut power: i64 = 1;
    loop {
        for factor in [1, 2, 5] {
            let step = factor * power;
            let steps = max / step + i64::from(max % step != 0);
            if let (true, Some(top)) = (steps <= 5, steps.checked_mul(step)) {
                return (top, step);
            }
        }
        match power.checked_mul(10) {
            Some(next) => power = next,
            None => return (max, max),
        }
    }
}

/// Scales `value` of `top` onto `length` units, rounding down.
pub(super) fn scale(value: i64, top: i64, length: i64) -> i64 {
    if top <= 0 {
        return 0;
    }
    let scaled = i128::from(value.clamp(0, top)) * i128::from(length) / i128::from(top);
    i64::try_from(scaled).unwrap_or(length)
}

/// Lays out stacked columns, one per input, each stacking its values in series order.
/// Negative values count as zero; zero-height segments are left out.
pub fn stacked_columns(columns: &[ColumnInput], series: &[Series]) -> ColumnChart {
    let totals: Vec<i64> = columns.iter().map(|c| c.values.iter().map(|v| (*v).max(0)).sum()).collect();
    let (top, step) = axis_scale(totals.iter().copied().max().unwrap_or(0));
    let plot_height = COLUMN_BASELINE - COLUMN_PLOT_TOP;
    let y_of = |value: i64| COLUMN_BASELINE - scale(value, top, plot_height);
    let ticks = (0..)
        .map(|i| i * step)
        .take_while(|v| *v <= top)
        .map(|value| Tick { y: y_of(value), label: grouped(value) })
        .collect();
    let count = i64::try_from(columns.len()).unwrap_or(i64::MAX).max(1);
    let slot = (COLUMN_PLOT_RIGHT - COLUMN_PLOT_LEFT) / count;
    let bar_width = (slot * 3 / 5).clamp(1, COLUMN_MAX_WIDTH);
    let laid_out = columns
        .iter()
        .zip(&totals)
        .enumerate()
        .map(|(i, (column, total))| {
            let slot_left = COLUMN_PLOT_LEFT + i64::try_from(i).unwrap_or(0) * slot;
            let x = slot_left + (slot - bar_width) / 2;
            let mut below = 0;
            let mut segments = Vec::new();
            for (value, series) in column.values.iter().zip(series) {
                let value = (*value).max(0);
                let (bottom, top_edge) = (y_of(below), y_of(below + value));
                below += value;
                if bottom > top_edge {
                    segments.push(Rect {
                        x,
                        y: top_edge,
                        width: bar_width,
                        height: bottom - top_edge,
                        class: series.class,
                        label: format!("{}: {} {}", column.title, grouped(value), series.name),
                    });
                }
            }
            Column {
                label: column.label.clone(),
                sublabel: column.sublabel.clone(),
                center_x: slot_left + slot / 2,
                segments,
                total: grouped(*total),
                total_y: y_of(*total) - 6,
            }
        })
        .collect();
    ColumnChart {
        width: COLUMN_CHART_WIDTH,
        height: COLUMN_CHART_HEIGHT,
        plot_left: COLUMN_PLOT_LEFT,
        plot_right: COLUMN_PLOT_RIGHT,
        baseline: COLUMN_BASELINE,
        ticks,
        columns: laid_out,
        label_y: COLUMN_BASELINE + 18,
        sublabel_y: COLUMN_BASELINE + 34,
    }
}

/// One bar of a horizontal bar chart, as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarInput {
    pub label: String,
    pub value: i64,
    /// What is printed at the end of the bar: "12 (60%)".
    pub value_text: String,
    pub class: &'static str,
}

/// A laid-out row: its label above the bar, the bar, the value after the bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarRow {
    pub label: String,
    pub label_y: i64,
    /// Zero-width for a zero value (templates skip drawing it).
    pub bar: Rect,
    pub value_text: String,
    pub value_x: i64,
    pub value_y: i64,
}

/// A horizontal bar chart laid out in a `width` × `height` box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarChart {
    pub width: i64,
    pub height: i64,
    pub rows: Vec<BarRow>,
}

const BAR_CHART_WIDTH: i64 = 520;
const BAR_ROW_HEIGHT: i64 = 46;
const BAR_HEIGHT: i64 = 18;
/// Room kept right of the longest bar for its value.
const BAR_VALUE_ROOM: i64 = 120;
const BAR_MIN_VISIBLE: i64 = 2;

/// Lays out one bar per input, the longest for the largest value; a value above zero
/// is always at least a sliver, so that "some" never looks like "none".
pub fn horizontal_bars(bars: &[BarInput]) -> BarChart {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(0);
    let full = BAR_CHART_WIDTH - BAR_VALUE_ROOM;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let row_top = i64::try_from(i).unwrap_or(0) * BAR_ROW_HEIGHT;
            let mut width = scale(bar.value, max, full);
            if bar.value > 0 {
                width = width.max(BAR_MIN_VISIBLE);
            }
            let bar_y = row_top + 20;
            BarRow {
                label: bar.label.clone(),
                label_y: row_top + 14,
                bar: Rect {
                    x: 0,
                    y: bar_y,
                    width,
                    height: BAR_HEIGHT,
                    class: bar.class,
                    label: format!("{}: {}", bar.label, bar.value_text),
                },
                value_text: bar.value_text.clone(),
                value_x: width + 8,
                value_y: bar_y + 14,
            }
        })
        .collect();
    let count = i64::try_from(bars.len()).unwrap_or(0);
    BarChart { width: BAR_CHART_WIDTH, height: count * BAR_ROW_HEIGHT + 4, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Vec<Series> {
        vec![Series { class: "a", name: "approved".into() }, Series { class: "b", name: "rejected".into() }]
    }

    fn column(label: &str, values: &[i64]) -> ColumnInput {
        ColumnInput { label: label.into(), sublabel: String::new(), title: label.into(), values: values.to_vec() }
    }

    fn bar(label: &str, value: i64) -> BarInput {
        BarInput { label: label.into(), value, value_text: value.to_string(), class: "bar" }
    }

    #[test]
    fn positions_are_written_in_percent_and_heights_in_rem() {
        assert_eq!(percent(1, 3), "33.333%");
        assert_eq!(percent(880, 880), "100.000%");
        assert_eq!(percent(-8, 880), "-0.909%");
        assert_eq!(percent(5, 0), "0%");
        let chart = stacked_columns(&[column("Mar", &[5, 0])], &series());
        assert_eq!(chart.x(chart.plot_left), "6.363%");
        assert_eq!(chart.y(chart.baseline), "84.285%");
        assert_eq!(chart.height_rem(), "17.500rem");
        assert_eq!(horizontal_bars(&[bar("Only", 3)]).height_rem(), "3.125rem");
    }

    #[test]
    fn the_axis_ends_on_a_round_number_in_at_most_five_steps() {
        assert_eq!(axis_scale(0), (1, 1));
        assert_eq!(axis_scale(-3), (1, 1));
        assert_eq!(axis_scale(1), (1, 1));
        assert_eq!(axis_scale(5), (5, 1));
        assert_eq!(axis_scale(7), (8, 2));
        assert_eq!(axis_scale(10), (10, 2));
        assert_eq!(axis_scale(11), (15, 5));
        assert_eq!(axis_scale(100), (100, 20));
        assert_eq!(axis_scale(101), (150, 50));
        assert_eq!(axis_scale(1_000_000), (1_000_000, 200_000));
        let (top, step) = axis_scale(i64::MAX);
        assert!(top >= step && step > 0);
    }

    #[test]
    fn no_columns_lay_out_an_empty_chart() {
        let chart = stacked_columns(&[], &series());
        assert!(chart.columns.is_empty());
        assert_eq!(chart.ticks, [Tick { y: 236, label: "0".into() }, Tick { y: 24, label: "1".into() }]);
    }

    #[test]
    fn one_column_fills_the_plot_height_and_sits_centred() {
        let chart = stacked_columns(&[column("Mar", &[5, 0])], &series());
        let only = &chart.columns[0];
        assert_eq!(only.center_x, (56 + 872) / 2);
        assert_eq!(only.segments.len(), 1, "the zero segment is left out");
        let segment = &only.segments[0];
        assert_eq!((segment.y, segment.height), (24, 212));
        assert_eq!(segment.width, 48, "bars are never wider than 48");
        assert_eq!(segment.x + segment.width / 2, only.center_x);
        assert_eq!(segment.label, "Mar: 5 approved");
        assert_eq!((only.total.as_str(), only.total_y), ("5", 18));
        assert_eq!(chart.ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["0", "1", "2", "3", "4", "5"]);
    }

    #[test]
    fn segments_stack_without_gaps_and_scale_to_the_axis() {
        let chart =
            stacked_columns(&[column("Jan", &[3, 4]), column("Feb", &[1, 0]), column("Mar", &[0, 0])], &series());
        // Largest total 7 → axis to 8; 212 units of plot height.
        let jan = &chart.columns[0].segments;
        assert_eq!(jan.len(), 2);
        assert_eq!(jan[0].y + jan[0].height, 236, "the first segment stands on the baseline");
        assert_eq!(jan[1].y + jan[1].height, jan[0].y, "the second sits on the first");
        assert_eq!(jan[1].y, 236 - 7 * 212 / 8);
        assert_eq!((jan[0].class, jan[1].class), ("a", "b"));
        assert_eq!(chart.columns[1].segments[0].height, 212 / 8);
        assert!(chart.columns[2].segments.is_empty());
        assert_eq!(chart.columns[2].total_y, 230);
        let xs: Vec<i64> = chart.columns.iter().map(|c| c.center_x).collect();
        assert!(xs.windows(2).all(|w| w[1] - w[0] == 272), "{xs:?}");
    }

    #[test]
    fn twelve_columns_fit_the_plot() {
        let inputs: Vec<ColumnInput> = (0..12).map(|i| column(&i.to_string(), &[i, 1])).collect();
        let chart = stacked_columns(&inputs, &series());
        let last = chart.columns[11].segments.last().unwrap();
        assert!(last.x + last.width <= 872);
        assert!(chart.columns.iter().all(|c| c.segments.iter().all(|s| s.y >= 24 && s.width == 40)));
    }

    #[test]
    fn negative_values_count_as_zero() {
        let chart = stacked_columns(&[column("Jan", &[-4, 2])], &series());
        assert_eq!(chart.columns[0].segments.len(), 1);
        assert_eq!(chart.columns[0].total, "2");
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        let chart = horizontal_bars(&[bar("Big", 200), bar("Half", 100), bar("None", 0), bar("Tiny", 1)]);
        let widths: Vec<i64> = chart.rows.iter().map(|r| r.bar.width).collect();
        assert_eq!(widths, [400, 200, 0, 2]);
        assert_eq!(chart.rows[0].value_x, 408);
        assert_eq!(chart.rows[2].value_x, 8);
        assert_eq!(chart.rows.iter().map(|r| r.bar.y).collect::<Vec<_>>(), [20, 66, 112, 158]);
        assert_eq!(chart.rows[1].label_y, 60);
        assert_eq!(chart.height, 4 * 46 + 4);
        assert_eq!(chart.rows[1].bar.label, "Half: 100");
    }

    #[test]
    fn one_bar_spans_the_width_and_no_bars_make_an_empty_chart() {
        let one = horizontal_bars(&[bar("Only", 3)]);
        assert_eq!(one.rows[0].bar.width, 400);
        assert_eq!(one.height, 50);
        let empty = horizontal_bars(&[]);
        assert!(empty.rows.is_empty());
        let zeros = horizontal_bars(&[bar("A", 0), bar("B", 0)]);
        assert!(zeros.rows.iter().all(|r| r.bar.width == 0));
    }
}
