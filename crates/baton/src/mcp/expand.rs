//! `${VAR}` and `${VAR:-default}` in MCP server configurations, as Claude Code expands them
//! (shared/reference/claude-code.md §5). Anything else that looks like a reference (`$VAR`,
//! `${}`, an unterminated `${`) is kept as written.

/// `text` with every reference replaced by `lookup(name)`, or by its default when the variable
/// is unset. An unset variable without a default is an error naming it.
pub fn expand(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return Ok(out);
        };
        let inner = &after[..end];
        let (name, default) = match inner.split_once(":-") {
            Some((name, default)) => (name, Some(default)),
            None => (inner, None),
        };
        if is_variable_name(name) {
            match (lookup(name), default) {
                (Some(value), _) => out.push_str(&value),
                (None, Some(default)) => out.push_str(default),
                (None, None) => return Err(format!("the environment variable {name} is not set")),
            }
        } else {
            out.push_str(&rest[start..start + 2 + end + 1]);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Expands from Baton's own environment.
pub fn expand_env(text: &str) -> Result<String, String> {
    expand(text, &|name| std::env::var(name).ok())
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(name: &str) -> Option<String> {
        match name {
            "TOKEN" => Some("t0k".into()),
            "EMPTY" => Some(String::new()),
            _ => None,
        }
    }

    #[test]
    fn references_defaults_and_literals() {
        let cases = [
            ("Bearer ${TOKEN}", Ok("Bearer t0k")),
            ("${TOKEN}${TOKEN}", Ok("t0kt0k")),
            ("${MISSING:-fallback}/x", Ok("fallback/x")),
            ("${MISSING:-}", Ok("")),
            ("${TOKEN:-unused}", Ok("t0k")),
            ("${EMPTY:-unused}", Ok("")),
            ("${MISSING:-a:-b}", Ok("a:-b")),
            ("no references", Ok("no references")),
            ("$TOKEN stays", Ok("$TOKEN stays")),
            ("${} and ${1X} stay", Ok("${} and ${1X} stay")),
            ("unterminated ${TOKEN", Ok("unterminated ${TOKEN")),
            ("héllo ${TOKEN} wörld", Ok("héllo t0k wörld")),
            ("${MISSING}", Err("the environment variable MISSING is not set")),
        ];
        for (input, expected) in cases {
            assert_eq!(expand(input, &lookup), expected.map(str::to_owned).map_err(str::to_owned), "{input}");
        }
    }
}
