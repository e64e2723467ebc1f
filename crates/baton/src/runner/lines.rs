//! Reads a child's output line by line with a cap on line length, so a child that prints a
//! 100 MB line (or no newline at all) costs Baton at most the cap in memory.

use tokio::io::{AsyncBufRead, AsyncBufReadExt};

/// The longest line kept; the rest of a longer line is dropped and the line marked.
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// Appended to a line that was cut.
pub const TRUNCATED_MARKER: &str = " [… line cut at 64 KiB]";

/// Returns the next line without its newline (lossily decoded), `None` at the end.
pub async fn next_line<R: AsyncBufRead + Unpin>(
    reader: &mut R,
    max: usize,
) -> std::io::Result<Option<String>> {
    let mut line = Vec::new();
    let mut cut = false;
    loop {
        let buffer = reader.fill_buf().await?;
        if buffer.is_empty() {
            // End of output: a last line without a newline still counts.
            return Ok((!line.is_empty() || cut).then(|| finish(line, cut)));
        }
        let (chunk, found_newline) = match buffer.iter().position(|b| *b == b'\n') {
            Some(at) => (&buffer[..at], true),
            None => (buffer, false),
        };
        let room = max.saturating_sub(line.len());
        if chunk.len() > room {
            cut = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = chunk.len() + usize::from(found_newline);
        reader.consume(used);
        if found_newline {
            return Ok(Some(finish(line, cut)));
        }
    }
}

fn finish(mut line: Vec<u8>, cut: bool) -> String {
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    let mut text = String::from_utf8_lossy(&line).into_owned();
    if cut {
        text.push_str(TRUNCATED_MARKER);
    }
    text
}

#[cfg(test)]
mod tests {
    use tokio::io::BufReader;

    use super::*;

    async fn lines(input: &[u8], max: usize) -> Vec<String> {
        let mut reader = BufReader::with_capacity(8, input);
        let mut out = Vec::new();
        while let Some(line) = next_line(&mut reader, max).await.expect("read") {
            out.push(line);
        }
        out
    }

    #[tokio::test]
    async fn lines_are_split_cut_and_decoded() {
        assert_eq!(lines(b"a\nbb\r\n\nlast", 100).await, ["a", "bb", "", "last"]);
        assert_eq!(
            lines(b"0123456789abcdef\nok\n", 10).await,
            [format!("0123456789{TRUNCATED_MARKER}"), "ok".into()]
        );
        assert_eq!(lines(b"no newline at all, and long", 5).await, [format!("no ne{TRUNCATED_MARKER}")]);
        assert_eq!(lines(b"\xff\xfe bad utf-8\n", 100).await, ["\u{fffd}\u{fffd} bad utf-8"]);
        assert!(lines(b"", 100).await.is_empty());
    }
}
