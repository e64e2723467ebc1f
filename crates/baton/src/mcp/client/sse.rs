//! Server-sent events, as far as MCP uses them: `event` and `data` fields, events separated by
//! a blank line, comments and other fields ignored.

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// `message` unless the server names it.
    pub event: String,
    pub data: String,
}

/// Turns chunks of a stream into events. Chunks may split lines and characters anywhere.
#[derive(Debug, Default)]
pub struct SseParser {
    pending: Vec<u8>,
    event: Option<String>,
    data: Vec<String>,
}

impl SseParser {
    /// The events completed by `chunk`.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        self.pending.extend_from_slice(chunk);
        let mut events = Vec::new();
        while let Some(end) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.is_empty() {
                if !self.data.is_empty() {
                    let event = self.event.take().unwrap_or_else(|| "message".into());
                    events.push(SseEvent { event, data: self.data.join("\n") });
                }
                self.data.clear();
                self.event = None;
                continue;
            }
            let (field, value) = line.split_once(':').unwrap_or((line, ""));
            let value = value.strip_prefix(' ').unwrap_or(value);
            match field {
                "event" => self.event = Some(value.to_owned()),
                "data" => self.data.push(value.to_owned()),
                _ => {}
            }
        }
        events
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_across_chunks_with_comments_and_multiline_data() {
        let stream = "event: endpoint\r\ndata: /messages?session=1\r\n\r\n: keep-alive\n\nid: 7\ndata: {\"a\":\ndata: 1}\n\nevent: x\n\n";
        for split in 0..stream.len() {
            let mut parser = SseParser::default();
            let mut events = parser.push(&stream.as_bytes()[..split]);
            events.extend(parser.push(&stream.as_bytes()[split..]));
            assert_eq!(
                events,
                vec![
                    SseEvent { event: "endpoint".into(), data: "/messages?session=1".into() },
                    SseEvent { event: "message".into(), data: "{\"a\":\n1}".into() },
                ],
                "split at {split}"
            );
        }
    }

    #[test]
    fn characters_split_between_chunks_survive() {
        let bytes = "data: héllo\n\n".as_bytes();
        let mut parser = SseParser::default();
        assert!(parser.push(&bytes[..8]).is_empty());
        assert_eq!(parser.push(&bytes[8..])[0].data, "héllo");
    }
}
