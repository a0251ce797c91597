//! A small HTTP/1.1 client for the log's light clients (monitor, witness, verify-entry):
//! GET and POST over plain HTTP, a whole body read into memory (bounded). A log served over
//! HTTPS is reached through a local proxy or mirror; no TLS stack is built into comity.

use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Answers larger than this are refused (a checkpoint is ~200 bytes, a proof ~2 KB).
const MAX_BODY: usize = 16 << 20;

/// A base URL `http://host[:port][/prefix]`.
#[derive(Debug, Clone)]
pub struct Base {
    host: String,
    port: u16,
    prefix: String,
}

impl Base {
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        let Some(rest) = url.strip_prefix("http://") else {
            if url.starts_with("https://") {
                bail!(
                    "{url}: comity reaches logs over plain HTTP; put an HTTPS log behind a local proxy or mirror its tiles"
                );
            }
            bail!("{url}: not an http:// URL");
        };
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (
                h.to_string(),
                p.parse()
                    .map_err(|_| anyhow!("{url}: the port {p:?} is not a number"))?,
            ),
            None => (authority.to_string(), 80),
        };
        if host.is_empty() {
            bail!("{url}: no host");
        }
        Ok(Self {
            host,
            port,
            prefix: path.trim_end_matches('/').to_string(),
        })
    }

    fn path(&self, path: &str) -> String {
        if self.prefix.is_empty() {
            path.to_string()
        } else {
            format!("/{}{path}", self.prefix)
        }
    }

    /// The same server under `sub` (a path below this one).
    pub fn join(&self, sub: &str) -> Self {
        let sub = sub.trim_matches('/');
        Self {
            prefix: if self.prefix.is_empty() {
                sub.to_string()
            } else {
                format!("{}/{sub}", self.prefix)
            },
            ..self.clone()
        }
    }

    pub fn show(&self, path: &str) -> String {
        format!("http://{}:{}{}", self.host, self.port, self.path(path))
    }

    /// GET `path`; the body of a 200, or an error naming the status and what the server said.
    pub async fn get(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        self.request("GET", path, None).await
    }

    /// POST `body` as text to `path`.
    pub async fn post(&self, path: &str, body: &str) -> anyhow::Result<Vec<u8>> {
        self.request("POST", path, Some(body)).await
    }

    async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> anyhow::Result<Vec<u8>> {
        let url = self.show(path);
        let exchange = async {
            let mut stream = TcpStream::connect((self.host.as_str(), self.port))
                .await
                .with_context(|| format!("cannot connect to {url}"))?;
            let mut req = format!(
                "{method} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nUser-Agent: comity\r\n",
                self.path(path),
                self.host
            );
            if let Some(b) = body {
                req.push_str(&format!(
                    "Content-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\n",
                    b.len()
                ));
            }
            req.push_str("\r\n");
            if let Some(b) = body {
                req.push_str(b);
            }
            stream.write_all(req.as_bytes()).await?;
            let mut raw = Vec::new();
            (&mut stream)
                .take(MAX_BODY as u64 + 64 * 1024)
                .read_to_end(&mut raw)
                .await?;
            Ok::<_, anyhow::Error>(raw)
        };
        let raw = tokio::time::timeout(Duration::from_secs(30), exchange)
            .await
            .map_err(|_| anyhow!("{url}: no answer within 30 s"))??;
        let (status, body) =
            parse_response(&raw).with_context(|| format!("{url}: not an HTTP answer"))?;
        if status != 200 && status != 201 {
            let said = String::from_utf8_lossy(&body);
            bail!(
                "{url}: HTTP {status}: {}",
                said.chars().take(400).collect::<String>()
            );
        }
        Ok(body)
    }
}

fn parse_response(raw: &[u8]) -> anyhow::Result<(u16, Vec<u8>)> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| anyhow!("no end of headers"))?;
    let head = std::str::from_utf8(&raw[..end])?;
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| anyhow!("no status line"))?;
    let mut chunked = false;
    for l in lines {
        if let Some((k, v)) = l.split_once(':')
            && k.eq_ignore_ascii_case("transfer-encoding")
            && v.trim().eq_ignore_ascii_case("chunked")
        {
            chunked = true;
        }
    }
    let body = &raw[end + 4..];
    if !chunked {
        return Ok((status, body.to_vec()));
    }
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let eol = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or_else(|| anyhow!("a chunk has no size line"))?;
        let size_text = std::str::from_utf8(&rest[..eol])?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| anyhow!("a chunk size is not hex"))?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Ok((status, out));
        }
        if size > MAX_BODY - out.len() || rest.len() < size + 2 {
            bail!("a chunk is cut short or the body is too large");
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_plain_and_chunked_are_read() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        assert_eq!(parse_response(plain).unwrap(), (200, b"hi".to_vec()));
        let chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked).unwrap(), (404, b"abcde".to_vec()));
        assert!(parse_response(b"garbage").is_err());
        let huge = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nab\r\n0\r\n\r\n";
        assert!(parse_response(huge).is_err());
        assert!(Base::parse("https://example.org").is_err());
        let b = Base::parse("http://127.0.0.1:8080/mirror/").unwrap();
        assert_eq!(
            b.show("/journal/checkpoint"),
            "http://127.0.0.1:8080/mirror/journal/checkpoint"
        );
    }
}
