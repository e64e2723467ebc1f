//! The SSRF guard: webhook URLs are typed by admins but fetched by the server, so a URL must not
//! reach what only the server can reach (loopback, the private network, link-local and the cloud
//! metadata address `169.254.169.254`). Names are checked *after* DNS resolution, by a resolver
//! that drops refused addresses, so a name that resolves to `127.0.0.1` (or is re-pointed there
//! later, "DNS rebinding") is refused too; IP literals, which skip the resolver, are checked
//! before each request and on every redirect. `--allow-private-webhooks` turns all of this off,
//! for receivers on the same machine or network.

use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    sync::Arc,
};

use reqwest::{
    Url,
    dns::{Addrs, Name, Resolve, Resolving},
    redirect,
};

/// Redirects followed, at most.
pub const MAX_REDIRECTS: usize = 5;

/// How long a webhook's name may take to resolve when it is saved.
const LOOKUP_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// URLs longer than this are refused.
pub const MAX_URL_LENGTH: usize = 2_048;

/// Names refused whatever they resolve to: the cloud metadata services' names (`localhost` needs
/// no entry: it resolves to loopback, which the resolver refuses).
const REFUSED_NAMES: &[&str] =
    &["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"];

/// Why a URL is refused; the text is what people see (it never holds the URL's query).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("must be an http or https URL")]
    Scheme,
    #[error("must not contain a user name or password")]
    UserInfo,
    #[error("must have a host")]
    NoHost,
    #[error("must be at most {MAX_URL_LENGTH} characters")]
    TooLong,
    #[error("is not a valid URL")]
    Invalid,
    #[error("resolves to a private address ({0}): refused unless Baton runs with --allow-private-webhooks")]
    PrivateAddress(IpAddr),
    #[error("{0:?} is a private host name: refused unless Baton runs with --allow-private-webhooks")]
    PrivateName(String),
    #[error("{0:?} does not resolve to any address")]
    Unresolvable(String),
}

/// What is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guard {
    /// `--allow-private-webhooks`: private, loopback and link-local targets are allowed.
    pub allow_private: bool,
}

impl Guard {
    /// Parses `text` and checks what can be checked without DNS: scheme, user info, length, an
    /// IP-literal host, refused names.
    pub fn check_url(&self, text: &str) -> Result<Url, Refusal> {
        if text.len() > MAX_URL_LENGTH {
            return Err(Refusal::TooLong);
        }
        let url = Url::parse(text).map_err(|_| Refusal::Invalid)?;
        self.check_parsed(&url)?;
        Ok(url)
    }

    /// [`Guard::check_url`] for a URL already parsed (a redirect's target).
    pub fn check_parsed(&self, url: &Url) -> Result<(), Refusal> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refusal::Scheme);
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Refusal::UserInfo);
        }
        let host = url.host_str().filter(|h| !h.is_empty()).ok_or(Refusal::NoHost)?;
        // The URL parser has already turned `0x7f.1` and `2130706433` into `127.0.0.1`.
        match literal_ip(host) {
            Some(ip) => self.check_ip(ip),
            None => self.check_name(host),
        }
    }

    /// Resolves the URL's host now and refuses it when an address it resolves to is refused
    /// (when a webhook is saved; sending checks again, as DNS answers change). A name that does
    /// not resolve (yet) is not refused here: sending will tell.
    pub async fn check_resolves(&self, url: &Url) -> Result<(), Refusal> {
        let Some(host) = url.host_str() else { return Err(Refusal::NoHost) };
        if self.allow_private || literal_ip(host).is_some() {
            return Ok(());
        }
        let lookup = tokio::net::lookup_host((host, url.port_or_known_default().unwrap_or(443)));
        let Ok(Ok(found)) = tokio::time::timeout(LOOKUP_TIMEOUT, lookup).await else { return Ok(()) };
        let found: Vec<SocketAddr> = found.collect();
        found.iter().try_for_each(|address| self.check_ip(address.ip()))
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), Refusal> {
        if self.allow_private || is_public(ip) { Ok(()) } else { Err(Refusal::PrivateAddress(ip)) }
    }

    fn check_name(&self, name: &str) -> Result<(), Refusal> {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if self.allow_private || !REFUSED_NAMES.contains(&name.as_str()) {
            Ok(())
        } else {
            Err(Refusal::PrivateName(name))
        }
    }

    /// The addresses of `found` this guard allows; an error naming the reason when none is.
    fn keep_allowed(&self, host: &str, found: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, Refusal> {
        let mut refused = None;
        let allowed: Vec<SocketAddr> = found
            .into_iter()
            .filter(|address| match self.check_ip(address.ip()) {
                Ok(()) => true,
                Err(refusal) => {
                    refused = Some(refusal);
                    false
                }
            })
            .collect();
        if allowed.is_empty() {
            return Err(refused.unwrap_or_else(|| Refusal::Unresolvable(host.to_owned())));
        }
        Ok(allowed)
    }

    /// A redirect policy that follows at most [`MAX_REDIRECTS`] redirects, each to a URL this
    /// guard allows (names are checked again by the resolver when connecting).
    pub fn redirect_policy(self) -> redirect::Policy {
        redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS {
                return attempt.error(format!("more than {MAX_REDIRECTS} redirects"));
            }
            match self.check_parsed(attempt.url()) {
                Ok(()) => attempt.follow(),
                Err(refusal) => attempt.error(format!("redirect refused: the target {refusal}")),
            }
        })
    }

    /// A DNS resolver for reqwest that keeps only the addresses this guard allows.
    pub fn resolver(self) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver { guard: self })
    }
}

/// Resolves with the system resolver, then drops refused addresses; a name left with none fails
/// to connect with the reason.
#[derive(Debug)]
pub struct GuardedResolver {
    guard: Guard,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = self.guard;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let refused = |refusal: Refusal| format!("the host {refusal}");
            guard.check_name(&host).map_err(refused)?;
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed = guard.keep_allowed(&host, found).map_err(refused)?;
            let addresses: Addrs = Box::new(allowed.into_iter());
            Ok(addresses)
        })
    }
}

/// The IP address a URL's host spells, if it is one (`[::1]` included).
fn literal_ip(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[').trim_end_matches(']').parse().ok()
}

/// Whether `ip` is an address on the public internet: not loopback, private, shared (CGNAT),
/// link-local, unspecified, multicast, broadcast, documentation, benchmarking or reserved, and
/// not an IPv6 form (mapped, compatible, NAT64, 6to4) of such an IPv4 address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_public_v4(ip),
        IpAddr::V6(ip) => is_public_v6(ip),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    let refused = a == 0                                   // "this network", 0.0.0.0
        || a == 10                                         // RFC 1918
        || a == 127                                        // loopback
        || (a == 100 && (64..128).contains(&b))            // shared address space (CGNAT)
        || (a == 169 && b == 254)                          // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b))             // RFC 1918
        || (a == 192 && b == 0 && c == 0)                  // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)                  // TEST-NET-1
        || (a == 192 && b == 88 && c == 99)                // 6to4 relay anycast
        || (a == 192 && b == 168)                          // RFC 1918
        || (a == 198 && (18..20).contains(&b))             // benchmarking
        || (a == 198 && b == 51 && c == 100)               // TEST-NET-2
        || (a == 203 && b == 0 && c == 113)                // TEST-NET-3
        || a >= 224; // multicast, reserved, broadcast
    !refused
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(ip) {
        return is_public_v4(v4);
    }
    let segments = ip.segments();
    let first = segments[0];
    let refused = ip.is_unspecified()
        || ip.is_loopback()
        || (first & 0xfe00) == 0xfc00                      // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80                      // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0                      // site-local fec0::/10 (deprecated)
        || (first & 0xff00) == 0xff00                      // multicast
        || (first == 0x2001 && segments[1] == 0x0db8)      // documentation
        || (first == 0x2001 && segments[1] < 0x0200)       // IETF protocol assignments, Teredo
        || first == 0x0100 && segments[1..4] == [0, 0, 0]; // discard-only 100::/64
    !refused
}

/// The IPv4 address inside an IPv6 one that reaches it: mapped (`::ffff:a.b.c.d`), compatible
/// (`::a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) and 6to4 (`2002:aabb:ccdd::`).
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = || Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
    match s {
        [0, 0, 0, 0, 0, 0xffff, _, _] => Some(low()),
        [0, 0, 0, 0, 0, 0, _, _] if !ip.is_loopback() && !ip.is_unspecified() => Some(low()),
        [0x64, 0xff9b, 0, 0, 0, 0, _, _] => Some(low()),
        [0x2002, hi, lo, ..] => Some(Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRICT: Guard = Guard { allow_private: false };
    const OPEN: Guard = Guard { allow_private: true };

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an IP address")
    }

    #[test]
    fn private_loopback_link_local_and_special_addresses_are_refused() {
        for refused in [
            "127.0.0.1",
            "127.1.2.3",
            "10.0.0.1",
            "10.255.255.255",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "100.64.0.1",
            "100.127.255.254",
            "169.254.169.254",
            "169.254.0.1",
            "0.0.0.0",
            "0.1.2.3",
            "255.255.255.255",
            "224.0.0.1",
            "239.1.1.1",
            "240.0.0.1",
            "192.0.2.10",
            "198.51.100.7",
            "203.0.113.9",
            "198.18.0.1",
            "192.0.0.8",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "febf::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2002:c0a8:101::1",
            "fec0::1",
            "2001::1",
        ] {
            assert!(!is_public(ip(refused)), "{refused} should be refused");
            assert_eq!(STRICT.check_ip(ip(refused)), Err(Refusal::PrivateAddress(ip(refused))));
            assert_eq!(OPEN.check_ip(ip(refused)), Ok(()), "{refused} with --allow-private-webhooks");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for allowed in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "172.15.255.255",
            "172.32.0.1",
            "100.63.255.255",
            "100.128.0.1",
            "169.253.1.1",
            "192.169.0.1",
            "223.255.255.254",
            "2606:4700:4700::1111",
            "2a00:1450:4001:80b::200e",
            "::ffff:8.8.8.8",
            "2002:0808:0808::1",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip(allowed)), "{allowed} should be allowed");
        }
    }

    #[test]
    fn urls_are_checked_for_scheme_user_info_length_and_literal_hosts() {
        assert!(STRICT.check_url("https://hooks.example.com/baton?x=1").is_ok());
        assert_eq!(STRICT.check_url("ftp://example.com/").err(), Some(Refusal::Scheme));
        assert_eq!(STRICT.check_url("file:///etc/passwd").err(), Some(Refusal::Scheme));
        assert_eq!(STRICT.check_url("https://user:pw@example.com/").err(), Some(Refusal::UserInfo));
        assert_eq!(STRICT.check_url("not a url").err(), Some(Refusal::Invalid));
        let long = format!("https://example.com/{}", "a".repeat(MAX_URL_LENGTH));
        assert_eq!(STRICT.check_url(&long).err(), Some(Refusal::TooLong));
        for literal in [
            "http://127.0.0.1:8080/",
            "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://[::ffff:7f00:1]/",
            "http://0x7f.1/",
            "http://2130706433/",
        ] {
            let refusal = STRICT.check_url(literal).err();
            assert!(matches!(refusal, Some(Refusal::PrivateAddress(_))), "{literal}: {refusal:?}");
            assert!(OPEN.check_url(literal).is_ok(), "{literal} with --allow-private-webhooks");
        }
    }

    #[test]
    fn metadata_names_are_refused_by_name() {
        for name in ["metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata", "metadata.goog"] {
            let url = format!("http://{name}/");
            assert!(matches!(STRICT.check_url(&url), Err(Refusal::PrivateName(_))), "{name}");
            assert!(OPEN.check_url(&url).is_ok());
        }
    }

    #[test]
    fn resolved_addresses_are_filtered_and_a_name_left_with_none_is_refused() {
        let found = |ips: &[&str]| ips.iter().map(|i| SocketAddr::new(ip(i), 443)).collect::<Vec<_>>();
        let mixed = STRICT.keep_allowed("mixed.example", found(&["10.0.0.1", "93.184.216.34"]));
        assert_eq!(mixed, Ok(found(&["93.184.216.34"])), "only the public address is dialled");
        let private = STRICT.keep_allowed("rebound.example", found(&["127.0.0.1", "::1"]));
        assert!(matches!(private, Err(Refusal::PrivateAddress(_))), "{private:?}");
        assert_eq!(
            STRICT.keep_allowed("gone.example", Vec::new()),
            Err(Refusal::Unresolvable("gone.example".into()))
        );
        assert_eq!(OPEN.keep_allowed("lan.example", found(&["10.0.0.1"])), Ok(found(&["10.0.0.1"])));
    }

    #[tokio::test]
    async fn localhost_is_refused_after_resolution_by_the_resolver() {
        let name = || "localhost".parse::<Name>().expect("name");
        let error = STRICT.resolver().resolve(name()).await.err().map(|e| e.to_string());
        assert!(error.as_deref().is_some_and(|e| e.contains("private address")), "{error:?}");
        let addresses = OPEN.resolver().resolve(name()).await.map_err(|e| e.to_string()).expect("resolves");
        assert!(addresses.into_iter().all(|a| a.ip().is_loopback()));
        let url = Url::parse("http://localhost:9/hook").expect("url");
        assert!(matches!(STRICT.check_resolves(&url).await, Err(Refusal::PrivateAddress(_))));
        assert_eq!(OPEN.check_resolves(&url).await, Ok(()));
    }

    #[test]
    fn redirects_to_refused_targets_are_errors() {
        for target in
            ["http://127.0.0.1/x", "http://169.254.169.254/", "gopher://example.com/", "http://metadata/"]
        {
            let url = Url::parse(target).expect("url");
            assert!(STRICT.check_parsed(&url).is_err(), "{target}");
        }
        assert!(STRICT.check_parsed(&Url::parse("https://example.com/next").expect("url")).is_ok());
    }
}
