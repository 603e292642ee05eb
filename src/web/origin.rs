//! Where a request comes from and where Upskill is reached. The headers a proxy sets
//! (`Forwarded`, `X-Forwarded-For`, `X-Forwarded-Host`, `X-Forwarded-Proto`) and `Host`
//! can be sent by anyone: they are believed only from a peer in `--trusted-proxies`.
//! [`site_url`] is the one place absolute links to Upskill are made from a request.

use std::net::{IpAddr, SocketAddr};

use actix_web::HttpRequest;

use crate::config::Settings;

/// Whether the connection comes from one of the trusted proxies.
pub fn peer_is_trusted(req: &HttpRequest, settings: &Settings) -> bool {
    req.peer_addr().is_some_and(|peer| is_trusted(peer.ip(), settings))
}

fn is_trusted(ip: IpAddr, settings: &Settings) -> bool {
    let ip = ip.to_canonical();
    settings.trusted_proxies.iter().any(|net| net.contains(&ip))
}

/// The first value of a header, trimmed (a header sent twice, or a comma-separated
/// list, counts by its first entry: the one nearest the client).
fn first_value<'r>(req: &'r HttpRequest, name: &str) -> Option<&'r str> {
    let value = req.headers().get(name)?.to_str().ok()?;
    value.split(',').next().map(str::trim).filter(|v| !v.is_empty())
}

/// The parameter `name` of the first element of a `Forwarded` header (RFC 7239).
fn forwarded_parameter<'r>(req: &'r HttpRequest, name: &str) -> Option<&'r str> {
    let element = first_value(req, "forwarded")?;
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim().trim_matches('"'))
    })
}

/// `host` or `host:port` when it is one, as a URL writes it (`None` for anything else:
/// a path, a user name, a script).
fn canonical_host(text: &str) -> Option<String> {
    let url = openidconnect::url::Url::parse(&format!("http://{text}/")).ok()?;
    let plain = url.username().is_empty() && url.password().is_none() && url.path() == "/";
    let host = url.host_str().filter(|host| plain && !host.is_empty())?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// `http` or `https`, whatever the case; `None` for any other scheme.
fn web_scheme(text: &str) -> Option<&'static str> {
    match text.to_ascii_lowercase().as_str() {
        "http" => Some("http"),
        "https" => Some("https"),
        _ => None,
    }
}

/// The address this server listens on, as a host for links (`localhost` for a wildcard).
fn listening_host(address: SocketAddr) -> String {
    match address.ip() {
        ip if ip.is_unspecified() => format!("localhost:{}", address.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

/// Where Upskill is reached, without a trailing slash: `--public-url` when set; else, from
/// a trusted proxy, the host and scheme it forwards (`http` or `https` only); else the
/// address and scheme of this server's own listener (`https` under `--secure-cookies`).
pub fn site_url(req: &HttpRequest, settings: &Settings) -> String {
    if settings.mail.public_url.is_some() {
        return settings.public_url();
    }
    let own_scheme = if settings.secure_cookies || req.app_config().secure() { "https" } else { "http" };
    let own_host = listening_host(req.app_config().local_addr());
    if !peer_is_trusted(req, settings) {
        return format!("{own_scheme}://{own_host}");
    }
    let scheme = forwarded_parameter(req, "proto")
        .or_else(|| first_value(req, "x-forwarded-proto"))
        .map_or(Some(own_scheme), web_scheme)
        .unwrap_or(own_scheme);
    let host = forwarded_parameter(req, "host")
        .or_else(|| first_value(req, "x-forwarded-host"))
        .or_else(|| first_value(req, "host"))
        .and_then(canonical_host)
        .unwrap_or(own_host);
    format!("{scheme}://{host}")
}

/// An address in `Forwarded: for=` or `X-Forwarded-For` form: `192.0.2.1`,
/// `192.0.2.1:4711`, `[2001:db8::1]:4711` or `2001:db8::1`.
fn parse_address(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    text.parse::<IpAddr>().ok().or_else(|| text.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
}

/// The client's address: the peer's, or, from a trusted proxy, the nearest address the
/// proxies name that is not one of them.
pub fn client_address(req: &HttpRequest, settings: &Settings) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip().to_canonical();
    if !is_trusted(peer, settings) {
        return Some(peer);
    }
    let hops: Vec<IpAddr> = match req.headers().get("forwarded").and_then(|v| v.to_str().ok()) {
        Some(forwarded) => forwarded
            .split(',')
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (key, value) = pair.split_once('=')?;
                    key.trim().eq_ignore_ascii_case("for").then(|| parse_address(value)).flatten()
                })
            })
            .collect(),
        None => req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .map(|list| list.split(',').filter_map(parse_address).collect())
            .unwrap_or_default(),
    };
    let nearest_untrusted = hops.iter().rev().map(|ip| ip.to_canonical()).find(|ip| !is_trusted(*ip, settings));
    Some(nearest_untrusted.or_else(|| hops.first().copied()).unwrap_or(peer))
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn settings(trusted: &[&str]) -> Settings {
        let mut settings = Settings::with_database("upskill.db");
        settings.trusted_proxies = trusted.iter().map(|n| n.parse().unwrap()).collect();
        settings
    }

    fn request(peer: &str, headers: &[(&str, &str)]) -> HttpRequest {
        let mut request = TestRequest::default().peer_addr(peer.parse().unwrap());
        for header in headers {
            request = request.insert_header(*header);
        }
        request.to_http_request()
    }

    const SPOOFED: [(&str, &str); 4] = [
        ("host", "evil.example"),
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "javascript"),
        ("forwarded", "host=evil.example;proto=https"),
    ];

    #[test]
    fn an_untrusted_client_names_neither_host_nor_scheme() {
        let req = request("203.0.113.9:5000", &SPOOFED);
        let url = site_url(&req, &settings(&["10.0.0.0/8"]));
        assert!(!url.contains("evil") && url.starts_with("http://"), "{url}");
    }

    #[test]
    fn a_trusted_proxy_names_the_host_and_a_web_scheme_only() {
        let trusted = settings(&["10.0.0.0/8"]);
        let forwarded =
            request("10.0.0.5:5000", &[("x-forwarded-host", "upskill.example.com"), ("x-forwarded-proto", "https")]);
        assert_eq!(site_url(&forwarded, &trusted), "https://upskill.example.com");
        let rfc = request("10.0.0.5:5000", &[("forwarded", "for=192.0.2.1;host=\"u.example:8443\";proto=HTTPS")]);
        assert_eq!(site_url(&rfc, &trusted), "https://u.example:8443");
        let script = request("10.0.0.5:5000", &[("host", "u.example"), ("x-forwarded-proto", "javascript")]);
        assert_eq!(site_url(&script, &trusted), "http://u.example");
        let odd_host = request("10.0.0.5:5000", &[("x-forwarded-host", "u.example/\"><script>")]);
        assert!(!site_url(&odd_host, &trusted).contains("script"));
    }

    #[test]
    fn the_public_url_wins() {
        let mut with_public = settings(&["10.0.0.0/8"]);
        with_public.mail.public_url = Some("https://upskill.example.com/".to_owned());
        let req = request("10.0.0.5:5000", &SPOOFED);
        assert_eq!(site_url(&req, &with_public), "https://upskill.example.com");
    }

    #[test]
    fn the_client_is_the_peer_unless_a_trusted_proxy_names_it() {
        let trusted = settings(&["10.0.0.0/8"]);
        let direct = request("203.0.113.9:5000", &[("x-forwarded-for", "192.0.2.1")]);
        assert_eq!(client_address(&direct, &trusted), parse_address("203.0.113.9"));
        let proxied = request("10.0.0.5:5000", &[("x-forwarded-for", "192.0.2.1, 198.51.100.7, 10.0.0.6")]);
        assert_eq!(client_address(&proxied, &trusted), parse_address("198.51.100.7"));
        let rfc = request("10.0.0.5:5000", &[("forwarded", "for=\"[2001:db8::1]:4711\", for=10.0.0.6")]);
        assert_eq!(client_address(&rfc, &trusted), parse_address("2001:db8::1"));
        let nothing = request("10.0.0.5:5000", &[]);
        assert_eq!(client_address(&nothing, &trusted), parse_address("10.0.0.5"));
    }

    #[test]
    fn a_wildcard_listener_is_named_localhost() {
        assert_eq!(listening_host("0.0.0.0:8080".parse().unwrap()), "localhost:8080");
        assert_eq!(listening_host("127.0.0.1:8080".parse().unwrap()), "127.0.0.1:8080");
        assert_eq!(listening_host("[::1]:8080".parse().unwrap()), "[::1]:8080");
    }
}
