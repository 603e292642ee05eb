//! The ClamAV daemon's client: every attached file is scanned before it is stored
//! (`--clamd`). It speaks clamd's `zINSTREAM` command (clamd(8)): the command ended by a
//! NUL byte, then the file in chunks, each after its length as a 4-byte big-endian
//! number, then a chunk of length zero; clamd answers `stream: OK` or
//! `stream: <signature> FOUND` (ended by a NUL byte), or a line ending in `ERROR`.
//!
//! The whole conversation (connecting, sending, the verdict) has one deadline: a daemon
//! that does not answer in time is as good as unreachable. The file is sent from the
//! caller's buffer, chunk by chunk, never copied.

use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::config::ClamdAddress;

/// The size of the chunks a file is sent in.
const CHUNK_BYTES: usize = 64 * 1024;
/// The longest reply read (a verdict is one short line).
const MAX_REPLY_BYTES: u64 = 4096;

/// What clamd found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    /// clamd's name for what it found (`Eicar-Test-Signature`).
    Infected(String),
}

/// Why a file could not be scanned: the upload is answered 503 and nothing is stored.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("clamd at {address} did not answer within {seconds} s")]
    TimedOut { address: String, seconds: f64 },
    #[error("clamd at {address}: {source}")]
    Io { address: String, source: std::io::Error },
    #[error("clamd at {address} answered {reply:?}")]
    Unexpected { address: String, reply: String },
}

/// Scans `content` with the daemon at `address`, within `timeout`.
pub async fn scan(address: &ClamdAddress, timeout: Duration, content: &[u8]) -> Result<Verdict, ScanError> {
    let reply = within(address, timeout, async {
        let mut stream = connect(address).await?;
        instream(&mut *stream, content).await
    })
    .await?;
    parse_reply(&reply).map_err(|reply| ScanError::Unexpected { address: address.to_string(), reply })
}

/// Whether the daemon at `address` answers `PING` with `PONG` within `timeout`.
pub async fn ping(address: &ClamdAddress, timeout: Duration) -> Result<(), ScanError> {
    let reply = within(address, timeout, async {
        let mut stream = connect(address).await?;
        stream.write_all(b"zPING\0").await?;
        read_reply(&mut *stream).await
    })
    .await?;
    match reply_text(&reply).as_str() {
        "PONG" => Ok(()),
        other => Err(ScanError::Unexpected { address: address.to_string(), reply: other.to_owned() }),
    }
}

/// A connection to clamd, whichever kind.
trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

async fn connect(address: &ClamdAddress) -> std::io::Result<Box<dyn Stream>> {
    Ok(match address {
        ClamdAddress::Unix(path) => Box::new(tokio::net::UnixStream::connect(path).await?),
        ClamdAddress::Tcp(host_and_port) => Box::new(tokio::net::TcpStream::connect(host_and_port.as_str()).await?),
    })
}

/// Runs `work`, a conversation with the daemon at `address`, within `timeout`.
async fn within<T>(
    address: &ClamdAddress,
    timeout: Duration,
    work: impl std::future::Future<Output = std::io::Result<T>>,
) -> Result<T, ScanError> {
    match tokio::time::timeout(timeout, work).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(source)) => Err(ScanError::Io { address: address.to_string(), source }),
        Err(_) => Err(ScanError::TimedOut { address: address.to_string(), seconds: timeout.as_secs_f64() }),
    }
}

/// Sends `zINSTREAM` and `content`, and reads the verdict. When clamd stops reading
/// halfway (its `StreamMaxLength` passed), its reply is still read.
async fn instream(stream: &mut dyn Stream, content: &[u8]) -> std::io::Result<Vec<u8>> {
    let sent = async {
        stream.write_all(b"zINSTREAM\0").await?;
        for chunk in content.chunks(CHUNK_BYTES) {
            stream.write_all(&chunk_length(chunk.len())).await?;
            stream.write_all(chunk).await?;
        }
        stream.write_all(&[0, 0, 0, 0]).await?;
        stream.flush().await
    }
    .await;
    let reply = read_reply(stream).await;
    match (sent, reply) {
        (_, Ok(reply)) if !reply.is_empty() => Ok(reply),
        (Err(err), _) | (Ok(()), Err(err)) => Err(err),
        (Ok(()), Ok(reply)) => Ok(reply),
    }
}

/// The 4-byte big-endian length that goes before a chunk.
fn chunk_length(length: usize) -> [u8; 4] {
    u32::try_from(length).unwrap_or(u32::MAX).to_be_bytes()
}

/// Reads clamd's reply: up to its NUL byte, or until it closes the connection.
async fn read_reply(stream: &mut dyn Stream) -> std::io::Result<Vec<u8>> {
    let mut reply = Vec::new();
    let mut limited = (&mut *stream).take(MAX_REPLY_BYTES);
    let mut byte = [0u8; 1];
    while limited.read(&mut byte).await? == 1 {
        if byte[0] == 0 {
            break;
        }
        reply.push(byte[0]);
    }
    Ok(reply)
}

/// A reply as text, without its terminator.
fn reply_text(reply: &[u8]) -> String {
    String::from_utf8_lossy(reply).trim_end_matches(['\0', '\n']).trim().to_owned()
}

/// The verdict in a reply to `zINSTREAM`, or the reply itself when it is none.
fn parse_reply(reply: &[u8]) -> Result<Verdict, String> {
    let text = reply_text(reply);
    let Some(result) = text.strip_prefix("stream: ") else { return Err(text) };
    if result == "OK" {
        return Ok(Verdict::Clean);
    }
    match result.strip_suffix(" FOUND") {
        Some(name) if !name.trim().is_empty() => Ok(Verdict::Infected(name.trim().to_owned())),
        _ => Err(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_read_from_clamd_s_replies() {
        assert_eq!(parse_reply(b"stream: OK\0"), Ok(Verdict::Clean));
        assert_eq!(parse_reply(b"stream: OK"), Ok(Verdict::Clean));
        assert_eq!(
            parse_reply(b"stream: Eicar-Test-Signature FOUND\0"),
            Ok(Verdict::Infected("Eicar-Test-Signature".to_owned()))
        );
        assert_eq!(
            parse_reply(b"stream: Win.Test.EICAR_HDB-1 FOUND\n"),
            Ok(Verdict::Infected("Win.Test.EICAR_HDB-1".to_owned()))
        );
        for other in [&b"INSTREAM size limit exceeded. ERROR\0"[..], b"stream: FOUND", b"", b"UNKNOWN COMMAND"] {
            assert!(parse_reply(other).is_err(), "{other:?}");
        }
    }

    #[test]
    fn a_chunk_s_length_is_four_bytes_big_endian() {
        assert_eq!(chunk_length(0), [0, 0, 0, 0]);
        assert_eq!(chunk_length(65_536), [0, 1, 0, 0]);
        assert_eq!(chunk_length(0x0102_0304), [1, 2, 3, 4]);
    }

    /// A clamd that records what it is sent and answers `reply`.
    async fn fake_clamd(reply: &'static [u8]) -> (ClamdAddress, tokio::task::JoinHandle<Vec<u8>>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = ClamdAddress::Tcp(listener.local_addr().unwrap().to_string());
        let received = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut received = Vec::new();
            let mut buffer = [0u8; 8192];
            while !received.ends_with(&[0, 0, 0, 0]) {
                let n = socket.read(&mut buffer).await.unwrap();
                if n == 0 {
                    break;
                }
                received.extend_from_slice(&buffer[..n]);
            }
            socket.write_all(reply).await.unwrap();
            received
        });
        (address, received)
    }

    #[tokio::test]
    async fn a_file_goes_in_length_prefixed_chunks_ended_by_a_zero_length_chunk() {
        let (address, received) = fake_clamd(b"stream: OK\0").await;
        let content: Vec<u8> = (0..CHUNK_BYTES + 10).map(|i| (i % 251) as u8 + 1).collect();
        assert_eq!(scan(&address, Duration::from_secs(5), &content).await.unwrap(), Verdict::Clean);
        let mut expected = b"zINSTREAM\0".to_vec();
        expected.extend_from_slice(&[0, 1, 0, 0]);
        expected.extend_from_slice(&content[..CHUNK_BYTES]);
        expected.extend_from_slice(&[0, 0, 0, 10]);
        expected.extend_from_slice(&content[CHUNK_BYTES..]);
        expected.extend_from_slice(&[0, 0, 0, 0]);
        assert_eq!(received.await.unwrap(), expected);
    }

    #[tokio::test]
    async fn a_silent_or_absent_daemon_is_an_error_within_the_deadline() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let silent = ClamdAddress::Tcp(listener.local_addr().unwrap().to_string());
        let started = std::time::Instant::now();
        let error = scan(&silent, Duration::from_millis(300), b"%PDF-1.7").await.unwrap_err();
        assert!(matches!(error, ScanError::TimedOut { .. }), "{error}");
        assert!(started.elapsed() < Duration::from_secs(3));
        let absent = ClamdAddress::Unix("/nonexistent/clamd.ctl".into());
        let error = scan(&absent, Duration::from_secs(1), b"%PDF-1.7").await.unwrap_err();
        assert!(matches!(error, ScanError::Io { .. }), "{error}");
        assert!(error.to_string().contains("unix:/nonexistent/clamd.ctl"), "{error}");
        drop(listener);
    }
}
