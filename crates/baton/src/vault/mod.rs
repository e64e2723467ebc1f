//! Secrets at rest: values people mark secret (API keys in an agent's environment, webhook
//! secrets, MCP headers) are sealed with XChaCha20-Poly1305 before they reach the database, and
//! shown masked everywhere else.
//!
//! The key is `BATON_SECRET_KEY` (64 hex digits or 32 bytes of base64) when set, else
//! `<data dir>/secret.key`, generated on first start with mode 0600. Losing the key loses the
//! secrets, nothing else.

use std::path::Path;

use anyhow::Context;
use base64::{
    Engine,
    engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD},
};
use chacha20poly1305::{
    Key, XChaCha20Poly1305, XNonce,
    aead::{Aead, AeadCore, KeyInit, OsRng},
};

/// Secret values inside JSON documents.
pub mod tree;

/// The file in the data directory that holds the key when `BATON_SECRET_KEY` is not set.
pub const KEY_FILE: &str = "secret.key";

/// The environment variable that gives the key instead of the file.
pub const KEY_VARIABLE: &str = "BATON_SECRET_KEY";

/// How a secret is shown: never its value, not even its length.
pub const MASK: &str = "********";

/// What every sealed value starts with: the format version, so the cipher can change.
const PREFIX: &str = "v1:";

/// Seals and opens secrets with one key.
pub struct Vault {
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(..)")
    }
}

impl Vault {
    /// The key from `BATON_SECRET_KEY`, or from the data directory's key file (created if
    /// missing).
    pub fn load_or_create(data_dir: &Path) -> anyhow::Result<Self> {
        if let Ok(text) = std::env::var(KEY_VARIABLE) {
            let key = parse_key(&text).with_context(|| format!("{KEY_VARIABLE} is not a usable key"))?;
            return Ok(Self::from_key(key));
        }
        let path = data_dir.join(KEY_FILE);
        if let Ok(text) = std::fs::read_to_string(&path) {
            let key = parse_key(&text).with_context(|| format!("{} is not a usable key", path.display()))?;
            return Ok(Self::from_key(key));
        }
        let key: [u8; 32] = XChaCha20Poly1305::generate_key(&mut OsRng).into();
        crate::auth::jwt::write_private(&path, &hex::encode(key))?;
        Ok(Self::from_key(key))
    }

    pub fn from_key(key: [u8; 32]) -> Self {
        Self { cipher: XChaCha20Poly1305::new(Key::from_slice(&key)) }
    }

    /// A key derived from a passphrase and a salt (Argon2id), for exports that carry secrets.
    pub fn from_passphrase(passphrase: &str, salt: &[u8]) -> anyhow::Result<Self> {
        let mut key = [0u8; 32];
        argon2::Argon2::default()
            .hash_password_into(passphrase.as_bytes(), salt, &mut key)
            .map_err(|error| anyhow::anyhow!("deriving a key from the passphrase: {error}"))?;
        Ok(Self::from_key(key))
    }

    /// `v1:` + base64url(nonce ‖ ciphertext ‖ tag). Each call uses a fresh random nonce.
    pub fn seal(&self, plain: &str) -> String {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption fails only for inputs of more than 256 GiB.
        let sealed = self.cipher.encrypt(&nonce, plain.as_bytes()).unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend(sealed);
        format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// The plain value of `sealed`; an error when it was sealed with another key or altered.
    pub fn open(&self, sealed: &str) -> anyhow::Result<String> {
        let encoded = sealed.strip_prefix(PREFIX).context("not a sealed secret")?;
        let bytes = URL_SAFE_NO_PAD.decode(encoded).context("a sealed secret is not base64")?;
        anyhow::ensure!(bytes.len() > 24, "a sealed secret is too short");
        let (nonce, sealed) = bytes.split_at(24);
        let plain = self
            .cipher
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| anyhow::anyhow!("a secret cannot be opened with this key (was the key changed?)"))?;
        String::from_utf8(plain).context("a secret is not UTF-8")
    }
}

/// 64 hex digits, or base64 of 32 bytes.
fn parse_key(text: &str) -> anyhow::Result<[u8; 32]> {
    let text = text.trim();
    let bytes =
        hex::decode(text).or_else(|_| STANDARD.decode(text)).or_else(|_| URL_SAFE_NO_PAD.decode(text));
    let bytes = bytes.map_err(|_| anyhow::anyhow!("expected 64 hex digits or base64 of 32 bytes"))?;
    bytes.try_into().map_err(|_| anyhow::anyhow!("the key must be 32 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_open_round_trip_and_each_seal_differs() {
        let vault = Vault::from_key([7; 32]);
        let a = vault.seal("sk-ant-123");
        let b = vault.seal("sk-ant-123");
        assert_ne!(a, b, "fresh nonce each time");
        assert!(a.starts_with("v1:") && !a.contains("sk-ant"));
        assert_eq!(vault.open(&a).expect("works"), "sk-ant-123");
    }

    #[test]
    fn another_key_or_a_changed_byte_cannot_open() {
        let sealed = Vault::from_key([7; 32]).seal("x");
        assert!(Vault::from_key([8; 32]).open(&sealed).is_err());
        let mut tampered = sealed.clone().into_bytes();
        let last = tampered.len() - 2;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        assert!(Vault::from_key([7; 32]).open(&String::from_utf8(tampered).expect("works")).is_err());
    }

    #[test]
    fn the_key_file_is_created_once_and_reused() {
        let dir = tempfile::tempdir().expect("works");
        let sealed = Vault::load_or_create(dir.path()).expect("works").seal("kept");
        assert_eq!(Vault::load_or_create(dir.path()).expect("works").open(&sealed).expect("works"), "kept");
        let text = std::fs::read_to_string(dir.path().join(KEY_FILE)).expect("works");
        assert_eq!(parse_key(&text).expect("works").len(), 32);
    }

    #[test]
    fn passphrase_keys_depend_on_the_salt() {
        let a = Vault::from_passphrase("correct horse", b"salt-one-16bytes").expect("works");
        let b = Vault::from_passphrase("correct horse", b"salt-two-16bytes").expect("works");
        assert!(b.open(&a.seal("x")).is_err());
        let again = Vault::from_passphrase("correct horse", b"salt-one-16bytes").expect("works");
        assert_eq!(again.open(&a.seal("x")).expect("works"), "x");
    }
}
