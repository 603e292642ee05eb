//! The Prometheus metrics: requests counted and timed while the server runs, and the text
//! exposition format (version 0.0.4) they are scraped in.
//!
//! Recording is per worker thread. Each worker keeps its own map from (method, route
//! pattern, status) to that series' counters, so a request costs one lookup in a map no
//! other thread touches and two relaxed atomic additions on counters no other thread
//! writes. The shared list of every worker's series is locked only when a worker meets a
//! (method, route, status) for the first time, and by a scrape, which sums the workers.
//! Labels come from the route table, the method list and the statuses the application
//! answers, so there are a few hundred series at most, whatever the traffic.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Upper bounds of the latency histogram's buckets, in seconds: 1 ms to 10 s.
pub const LATENCY_BUCKETS: [f64; 13] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// The route label of a request that matched no route (or failed before routing).
pub const UNMATCHED: &str = "unmatched";

const REQUESTS: &str = "upskill_http_requests_total";
const DURATION: &str = "upskill_http_request_duration_seconds";

/// The method label: the standard methods by name, anything else as `other`, so that
/// made-up methods cannot add series.
pub fn method_label(method: &str) -> &'static str {
    match method {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        "CONNECT" => "CONNECT",
        "TRACE" => "TRACE",
        _ => "other", // not a stored name
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct SeriesKey {
    method: &'static str,
    route: String,
    status: u16,
}

/// The requests of one (method, route, status) seen by one worker: how many fell in each
/// latency bucket (the last one: slower than the last bound), and their total time.
#[derive(Debug, Default)]
struct Series {
    buckets: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    sum_micros: AtomicU64,
}

impl Series {
    fn observe(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let bucket = LATENCY_BUCKETS.iter().position(|bound| seconds <= *bound).unwrap_or(LATENCY_BUCKETS.len());
        if let Some(count) = self.buckets.get(bucket) {
            count.fetch_add(1, Ordering::Relaxed);
        }
        self.sum_micros.fetch_add(u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }
}

/// Every worker's request series: what a scrape reads.
#[derive(Debug, Default)]
pub struct HttpMetrics {
    series: Mutex<Vec<(SeriesKey, Arc<Series>)>>,
}

/// One worker's view of the series: its own map, filled as routes are first answered.
#[derive(Debug)]
pub struct WorkerRecorder {
    shared: Arc<HttpMetrics>,
    series: RefCell<HashMap<SeriesKey, Arc<Series>>>,
}

impl WorkerRecorder {
    /// Counts one answered request. `route` is the matched route's pattern, if any.
    pub fn observe(&self, method: &'static str, route: Option<String>, status: u16, elapsed: Duration) {
        let route = route.filter(|pattern| !pattern.is_empty()).unwrap_or_else(|| UNMATCHED.to_owned());
        let key = SeriesKey { method, route, status };
        let mut series = self.series.borrow_mut();
        series.entry(key).or_insert_with_key(|key| self.shared.register(key.clone())).observe(elapsed);
    }
}

/// The sums of one histogram over workers.
#[derive(Default)]
struct HistogramTotals {
    buckets: [u64; LATENCY_BUCKETS.len() + 1],
    sum_micros: u64,
}

impl HttpMetrics {
    /// A recorder for one worker thread.
    pub fn recorder(self: &Arc<Self>) -> WorkerRecorder {
        WorkerRecorder { shared: self.clone(), series: RefCell::new(HashMap::new()) }
    }

    fn register(&self, key: SeriesKey) -> Arc<Series> {
        let series = Arc::new(Series::default());
        self.series.lock().unwrap_or_else(PoisonError::into_inner).push((key, series.clone()));
        series
    }

    /// Writes the request counter and the latency histogram, summed over the workers.
    pub fn render(&self, out: &mut String) {
        let mut requests: BTreeMap<(&str, String, u16), u64> = BTreeMap::new();
        let mut histograms: BTreeMap<(&str, String, u16), HistogramTotals> = BTreeMap::new();
        for (key, series) in self.series.lock().unwrap_or_else(PoisonError::into_inner).iter() {
            // Each bucket is read once: the count is their sum, so `+Inf` always equals it.
            let buckets: Vec<u64> = series.buckets.iter().map(|b| b.load(Ordering::Relaxed)).collect();
            *requests.entry((key.method, key.route.clone(), key.status)).or_default() += buckets.iter().sum::<u64>();
            let totals = histograms.entry((key.method, key.route.clone(), key.status)).or_default();
            for (total, count) in totals.buckets.iter_mut().zip(&buckets) {
                *total += count;
            }
            totals.sum_micros += series.sum_micros.load(Ordering::Relaxed);
        }
        header(out, REQUESTS, "HTTP requests answered, by method, route pattern and status.", "counter");
        for ((method, route, status), count) in &requests {
            let _ = writeln!(
                out,
                "{REQUESTS}{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {count}",
                escape(route)
            );
        }
        header(out, DURATION, "Time to answer an HTTP request, by method, route pattern and status.", "histogram");
        for ((method, route, status), totals) in &histograms {
            let labels = format!("method=\"{method}\",route=\"{}\",status=\"{status}\"", escape(route));
            let mut cumulative = 0;
            for (bound, count) in LATENCY_BUCKETS.iter().zip(&totals.buckets) {
                cumulative += count;
                // `{:?}` keeps the decimal point (`1.0`): the form Prometheus stores `le` in.
                let _ = writeln!(out, "{DURATION}_bucket{{{labels},le=\"{bound:?}\"}} {cumulative}");
            }
            let count: u64 = totals.buckets.iter().sum();
            let _ = writeln!(out, "{DURATION}_bucket{{{labels},le=\"+Inf\"}} {count}");
            let _ = writeln!(out, "{DURATION}_sum{{{labels}}} {}", seconds(totals.sum_micros));
            let _ = writeln!(out, "{DURATION}_count{{{labels}}} {count}");
        }
    }
}

fn seconds(micros: u64) -> f64 {
    Duration::from_micros(micros).as_secs_f64()
}

fn header(out: &mut String, name: &str, help: &str, kind: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

/// A label value as the text format writes it: backslash, double quote and line feed escaped.
fn escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// A gauge or counter read at scrape time (the pool, the database), with its samples.
#[derive(Debug, Clone)]
pub struct MetricFamily {
    name: &'static str,
    help: &'static str,
    kind: &'static str,
    samples: Vec<(Option<(&'static str, String)>, f64)>,
}

impl MetricFamily {
    pub fn gauge(name: &'static str, help: &'static str) -> MetricFamily {
        MetricFamily { name, help, kind: "gauge", samples: Vec::new() }
    }

    pub fn counter(name: &'static str, help: &'static str) -> MetricFamily {
        MetricFamily { name, help, kind: "counter", samples: Vec::new() }
    }

    /// A sample without labels.
    pub fn value(mut self, value: f64) -> MetricFamily {
        self.samples.push((None, value));
        self
    }

    /// A sample with one label (`state="approved"`).
    pub fn labelled(mut self, label: &'static str, label_value: &str, value: f64) -> MetricFamily {
        self.samples.push((Some((label, label_value.to_owned())), value));
        self
    }

    pub fn render(&self, out: &mut String) {
        header(out, self.name, self.help, self.kind);
        for (label, value) in &self.samples {
            match label {
                Some((label, label_value)) => {
                    let _ = writeln!(out, "{}{{{label}=\"{}\"}} {value}", self.name, escape(label_value));
                }
                None => {
                    let _ = writeln!(out, "{} {value}", self.name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_line<'a>(text: &'a str, prefix: &str) -> &'a str {
        text.lines().find(|line| line.starts_with(prefix)).unwrap_or_else(|| panic!("no line starts with {prefix}"))
    }

    #[test]
    fn workers_are_summed_and_buckets_are_cumulative() {
        let metrics = Arc::new(HttpMetrics::default());
        let (first, second) = (metrics.recorder(), metrics.recorder());
        let route = || Some("/applications/{id}".to_owned());
        first.observe("GET", route(), 200, Duration::from_micros(500));
        first.observe("GET", route(), 200, Duration::from_millis(30));
        second.observe("GET", route(), 200, Duration::from_secs(20));
        second.observe("GET", route(), 404, Duration::from_millis(2));
        let mut text = String::new();
        metrics.render(&mut text);
        let requests = "upskill_http_requests_total{method=\"GET\",route=\"/applications/{id}\"";
        assert!(sample_line(&text, &format!("{requests},status=\"200\"}}")).ends_with(" 3"));
        assert!(sample_line(&text, &format!("{requests},status=\"404\"}}")).ends_with(" 1"));
        let bucket =
            "upskill_http_request_duration_seconds_bucket{method=\"GET\",route=\"/applications/{id}\",status=\"200\"";
        assert!(sample_line(&text, &format!("{bucket},le=\"0.001\"}}")).ends_with(" 1"));
        assert!(sample_line(&text, &format!("{bucket},le=\"0.0025\"}}")).ends_with(" 1"));
        assert!(sample_line(&text, &format!("{bucket},le=\"0.05\"}}")).ends_with(" 2"));
        assert!(sample_line(&text, &format!("{bucket},le=\"10.0\"}}")).ends_with(" 2"));
        assert!(sample_line(&text, &format!("{bucket},le=\"+Inf\"}}")).ends_with(" 3"));
        let not_found =
            "upskill_http_request_duration_seconds_bucket{method=\"GET\",route=\"/applications/{id}\",status=\"404\"";
        assert!(sample_line(&text, &format!("{not_found},le=\"0.0025\"}}")).ends_with(" 1"));
        assert!(sample_line(&text, "upskill_http_request_duration_seconds_sum{").ends_with(" 20.0305"));
    }

    #[test]
    fn requests_without_a_route_share_one_label_and_odd_methods_one_name() {
        let metrics = Arc::new(HttpMetrics::default());
        let recorder = metrics.recorder();
        recorder.observe(method_label("BREW"), None, 404, Duration::from_millis(1));
        recorder.observe(method_label("GET"), Some(String::new()), 404, Duration::from_millis(1));
        let mut text = String::new();
        metrics.render(&mut text);
        assert!(text.contains("{method=\"other\",route=\"unmatched\",status=\"404\"} 1"), "{text}");
        assert!(text.contains("{method=\"GET\",route=\"unmatched\",status=\"404\"} 1"), "{text}");
    }

    #[test]
    fn label_values_are_escaped() {
        let family = MetricFamily::gauge("g", "help").labelled("l", "a\"b\\c\nd", 1.0);
        let mut text = String::new();
        family.render(&mut text);
        assert!(text.contains(r#"g{l="a\"b\\c\nd"} 1"#), "{text}");
    }
}
