//! Secret values inside JSON documents (configuration, MCP servers' env and headers, webhook
//! headers). A value is secret when it is an object of exactly one key:
//!
//! | form | where |
//! |---|---|
//! | `{"secret": "<plain>"}` | what people and imports write |
//! | `{"secret": "********"}` | what the API shows; written back, it keeps the stored value |
//! | `{"sealed": "v1:..."}` | what the database holds |
//! | `{"encrypted": "v1:..."}` | what an export with a passphrase holds |

use serde_json::{Map, Value};

use super::{MASK, Vault};
use crate::domain::field_errors::FieldErrors;

/// One secret found while walking a document.
enum Secret<'a> {
    Plain(&'a str),
    Sealed(&'a str),
    Encrypted(&'a str),
}

fn secret_of(value: &Value) -> Option<Secret<'_>> {
    let Value::Object(object) = value else { return None };
    if object.len() != 1 {
        return None;
    }
    let (key, inner) = object.iter().next()?;
    let text = inner.as_str()?;
    match key.as_str() {
        "secret" => Some(Secret::Plain(text)),
        "sealed" => Some(Secret::Sealed(text)),
        "encrypted" => Some(Secret::Encrypted(text)),
        _ => None,
    }
}

/// Rewrites every secret of `value` with `f(path, secret)`, collecting errors by path.
fn rewrite(
    value: &Value,
    path: &str,
    f: &mut dyn FnMut(&str, Secret<'_>) -> Result<Value, String>,
    errors: &mut FieldErrors,
) -> Value {
    if let Some(secret) = secret_of(value) {
        return f(path, secret).unwrap_or_else(|message| {
            errors.add(path, message);
            Value::Null
        });
    }
    let join = |key: &str| if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
    match value {
        Value::Object(object) => {
            let rewritten: Map<String, Value> =
                object.iter().map(|(k, v)| (k.clone(), rewrite(v, &join(k), f, errors))).collect();
            Value::Object(rewritten)
        }
        Value::Array(items) => Value::Array(
            items.iter().enumerate().map(|(i, v)| rewrite(v, &format!("{path}[{i}]"), f, errors)).collect(),
        ),
        other => other.clone(),
    }
}

/// The value at `path` (as [`rewrite`] writes paths) inside `root`.
fn at_path<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            node = node.get(key)?;
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            node = node.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(node)
}

/// What to store for `new`: plain secrets sealed, masked ones replaced by what `previous` (the
/// stored document) holds at the same path. Errors name the path of each secret that cannot be
/// stored.
pub fn seal(new: &Value, previous: Option<&Value>, vault: &Vault) -> Result<Value, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sealed = rewrite(
        new,
        "",
        &mut |path, secret| match secret {
            Secret::Plain(MASK) => match previous.and_then(|p| at_path(p, path)).and_then(secret_of) {
                Some(Secret::Sealed(kept)) => Ok(sealed_value(kept.to_owned())),
                _ => Err("is masked (a secret left out of an export?) and no value is stored here to keep: \
                          give the secret itself, or import an export made with a passphrase"
                    .into()),
            },
            Secret::Plain(plain) => Ok(sealed_value(vault.seal(plain))),
            Secret::Sealed(_) | Secret::Encrypted(_) => {
                Err("cannot be set sealed or encrypted here: write {\"secret\": \"<value>\"}".into())
            }
        },
        &mut errors,
    );
    errors.into_result().map(|()| sealed)
}

/// The document as the API shows it: every stored secret masked.
pub fn mask(stored: &Value) -> Value {
    let mut errors = FieldErrors::new();
    rewrite(stored, "", &mut |_, _| Ok(masked()), &mut errors)
}

/// The document with every secret's plain value in its place, for the process or request that
/// uses it. Never return this from the API or log it.
pub fn open(stored: &Value, vault: &Vault) -> anyhow::Result<Value> {
    let mut errors = FieldErrors::new();
    let opened = rewrite(
        stored,
        "",
        &mut |_, secret| match secret {
            Secret::Sealed(sealed) => vault.open(sealed).map(Value::String).map_err(|e| e.to_string()),
            Secret::Plain(plain) => Ok(Value::String(plain.to_owned())),
            Secret::Encrypted(_) => Err("is encrypted for an export".into()),
        },
        &mut errors,
    );
    errors.into_result().map(|()| opened).map_err(|errors| anyhow::anyhow!("opening secrets: {errors}"))
}

/// The document as an export holds it: secrets re-encrypted with the passphrase's key, or
/// masked (left out) without one.
pub fn export(stored: &Value, vault: &Vault, passphrase: Option<&Vault>) -> anyhow::Result<Value> {
    let mut errors = FieldErrors::new();
    let exported = rewrite(
        stored,
        "",
        &mut |_, secret| match (secret, passphrase) {
            (Secret::Sealed(sealed), Some(export_key)) => {
                let plain = vault.open(sealed).map_err(|e| e.to_string())?;
                Ok(Value::Object(Map::from_iter([("encrypted".into(), export_key.seal(&plain).into())])))
            }
            _ => Ok(masked()),
        },
        &mut errors,
    );
    errors.into_result().map(|()| exported).map_err(|errors| anyhow::anyhow!("exporting secrets: {errors}"))
}

/// An imported document made ready for [`seal`]: secrets encrypted with the passphrase's key
/// become plain secrets again. Errors name the path when there is no passphrase or it is wrong.
pub fn import(document: &Value, passphrase: Option<&Vault>) -> Result<Value, FieldErrors> {
    let mut errors = FieldErrors::new();
    let plain = rewrite(
        document,
        "",
        &mut |_, secret| match (secret, passphrase) {
            (Secret::Encrypted(encrypted), Some(key)) => key
                .open(encrypted)
                .map(|plain| Value::Object(Map::from_iter([("secret".into(), plain.into())])))
                .map_err(|_| "cannot be decrypted: wrong passphrase?".into()),
            (Secret::Encrypted(_), None) => Err("is encrypted: import with the export's passphrase".into()),
            (Secret::Plain(plain), _) => Ok(Value::Object(Map::from_iter([("secret".into(), plain.into())]))),
            (Secret::Sealed(_), _) => {
                Err("cannot be imported sealed: write {\"secret\": \"<value>\"}".into())
            }
        },
        &mut errors,
    );
    errors.into_result().map(|()| plain)
}

/// The stored document with each secret replaced by a digest of its plain value, so two
/// documents can be compared without opening them side by side. For comparison only: never
/// show or store it (mask it first).
pub fn fingerprint(stored: &Value, vault: &Vault) -> anyhow::Result<Value> {
    use sha2::{Digest, Sha256};
    let mut errors = FieldErrors::new();
    let printed = rewrite(
        stored,
        "",
        &mut |_, secret| {
            let plain = match secret {
                Secret::Sealed(sealed) => vault.open(sealed).map_err(|e| e.to_string())?,
                Secret::Plain(plain) => plain.to_owned(),
                Secret::Encrypted(encrypted) => encrypted.to_owned(),
            };
            let digest = hex::encode(Sha256::digest(plain.as_bytes()));
            Ok(Value::Object(Map::from_iter([("secret".into(), digest.into())])))
        },
        &mut errors,
    );
    errors.into_result().map(|()| printed).map_err(|errors| anyhow::anyhow!("reading secrets: {errors}"))
}

/// Whether `value` holds a secret anywhere.
pub fn has_secrets(value: &Value) -> bool {
    let mut found = false;
    let mut errors = FieldErrors::new();
    rewrite(
        value,
        "",
        &mut |_, _| {
            found = true;
            Ok(Value::Null)
        },
        &mut errors,
    );
    found
}

fn sealed_value(sealed: String) -> Value {
    Value::Object(Map::from_iter([("sealed".into(), sealed.into())]))
}

fn masked() -> Value {
    Value::Object(Map::from_iter([("secret".into(), MASK.into())]))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn vault() -> Vault {
        Vault::from_key([1; 32])
    }

    #[test]
    fn plain_secrets_are_sealed_masked_and_opened() {
        let vault = vault();
        let input = json!({"env": {"API_KEY": {"secret": "sk-1"}, "PLAIN": "x"}, "list": [{"secret": "b"}]});
        let stored = seal(&input, None, &vault).expect("works");
        assert!(!stored.to_string().contains("sk-1"), "{stored}");
        assert!(stored["env"]["API_KEY"]["sealed"].as_str().expect("works").starts_with("v1:"));
        assert_eq!(
            mask(&stored),
            json!({"env": {"API_KEY": {"secret": MASK}, "PLAIN": "x"}, "list": [{"secret": MASK}]})
        );
        assert_eq!(
            open(&stored, &vault).expect("works"),
            json!({"env": {"API_KEY": "sk-1", "PLAIN": "x"}, "list": ["b"]})
        );
        assert!(has_secrets(&stored) && !has_secrets(&json!({"a": "b"})));
    }

    #[test]
    fn a_masked_secret_keeps_the_stored_value_or_names_its_path() {
        let vault = vault();
        let stored = seal(&json!({"env": {"K": {"secret": "one"}}, "h": [{"secret": "two"}]}), None, &vault)
            .expect("works");
        let again = seal(&mask(&stored), Some(&stored), &vault).expect("works");
        assert_eq!(again, stored);
        let errors =
            seal(&json!({"env": {"NEW": {"secret": MASK}}}), Some(&stored), &vault).expect_err("fails");
        assert!(errors.to_map().contains_key("env.NEW"), "{errors}");
        let errors = seal(&json!({"x": {"sealed": "v1:abc"}}), None, &vault).expect_err("fails");
        assert!(errors.to_map().contains_key("x"), "{errors}");
    }

    #[test]
    fn exports_carry_secrets_only_under_a_passphrase() {
        let vault = vault();
        let stored = seal(&json!({"k": {"secret": "s3cr3t"}}), None, &vault).expect("works");
        assert_eq!(export(&stored, &vault, None).expect("works"), json!({"k": {"secret": MASK}}));
        let key = Vault::from_key([2; 32]);
        let exported = export(&stored, &vault, Some(&key)).expect("works");
        assert!(!exported.to_string().contains("s3cr3t"));
        assert_eq!(import(&exported, Some(&key)).expect("works"), json!({"k": {"secret": "s3cr3t"}}));
        assert!(import(&exported, None).expect_err("fails").to_map().contains_key("k"));
        assert!(import(&exported, Some(&Vault::from_key([3; 32]))).is_err());
    }
}
