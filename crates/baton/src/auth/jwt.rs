//! Access tokens: JWTs signed with HMAC-SHA256 and nothing else.
//!
//! Written out rather than taken from a general JWT library because Baton needs exactly one
//! algorithm: the header must say `HS256`, so `alg: none` and algorithm-confusion tricks have
//! nothing to work with, and checking a token is one HMAC (microseconds, no database).

use std::path::Path;

use anyhow::Context;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::domain::user::Role;

/// How long an access token is valid.
pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;
/// The file in the data directory that holds the signing secret.
const SECRET_FILE: &str = "jwt-secret";
const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// What an access token says about its bearer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub name: String,
    pub role: Role,
    /// The user's session epoch when the token was issued (see `users.session_epoch`).
    pub epoch: i64,
    pub iat: i64,
    pub exp: i64,
}

/// Why a token was refused; all of them answer 401.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the access token is malformed")]
    Malformed,
    #[error("the access token uses an algorithm other than HS256")]
    WrongAlgorithm,
    #[error("the access token's signature is wrong")]
    BadSignature,
    #[error("the access token has expired")]
    Expired,
}

/// The signing key.
#[derive(Clone)]
pub struct Keys {
    secret: [u8; 32],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

impl Keys {
    pub fn from_secret(secret: [u8; 32]) -> Self {
        Self { secret }
    }

    /// Reads the secret from the data directory, generating it (readable by its owner only)
    /// on first start.
    pub fn load_or_create(data_dir: &Path) -> anyhow::Result<Self> {
        let path = data_dir.join(SECRET_FILE);
        if let Ok(text) = std::fs::read_to_string(&path) {
            let bytes = hex::decode(text.trim()).with_context(|| format!("{} is not hex", path.display()))?;
            let secret =
                bytes.try_into().map_err(|_| anyhow::anyhow!("{} must hold 32 bytes", path.display()))?;
            return Ok(Self { secret });
        }
        let mut secret = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut secret);
        write_private(&path, &hex::encode(secret))?;
        Ok(Self { secret })
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes keys of any length; this cannot fail.
        Hmac::<Sha256>::new_from_slice(&self.secret).unwrap_or_else(|_| unreachable!())
    }

    pub fn sign(&self, claims: &Claims) -> String {
        let header = URL_SAFE_NO_PAD.encode(HEADER);
        let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
        let signing_input = format!("{header}.{payload}");
        let mut mac = self.mac();
        mac.update(signing_input.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signing_input}.{signature}")
    }

    /// Checks the header, the signature (in constant time) and the expiry, at time `now`
    /// (seconds since the epoch).
    pub fn verify(&self, token: &str, now: i64) -> Result<Claims, TokenError> {
        let mut parts = token.split('.');
        let (Some(header_b64), Some(payload_b64), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(TokenError::Malformed);
        };
        let header: serde_json::Value = URL_SAFE_NO_PAD
            .decode(header_b64)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or(TokenError::Malformed)?;
        if header.get("alg").and_then(|alg| alg.as_str()) != Some("HS256") {
            return Err(TokenError::WrongAlgorithm);
        }
        let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| TokenError::Malformed)?;
        let mut mac = self.mac();
        mac.update(&token.as_bytes()[..header_b64.len() + 1 + payload_b64.len()]);
        mac.verify_slice(&signature).map_err(|_| TokenError::BadSignature)?;
        let claims: Claims = URL_SAFE_NO_PAD
            .decode(payload_b64)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .ok_or(TokenError::Malformed)?;
        if claims.exp <= now {
            return Err(TokenError::Expired);
        }
        // A token from the future means a clock jumped or a forgery: allow a minute of skew.
        if claims.iat > now + 60 || claims.sub.is_empty() {
            return Err(TokenError::Malformed);
        }
        Ok(claims)
    }
}

/// Writes a file only its owner can read.
pub(crate) fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    use std::{io::Write, os::unix::fs::OpenOptionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(contents.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(now: i64) -> Claims {
        Claims {
            sub: "u1".into(),
            name: "ada".into(),
            role: Role::Operator,
            epoch: 0,
            iat: now,
            exp: now + ACCESS_TOKEN_SECONDS,
        }
    }

    #[test]
    fn a_signed_token_verifies_until_it_expires() {
        let keys = Keys::from_secret([7; 32]);
        let token = keys.sign(&claims(1000));
        assert_eq!(keys.verify(&token, 1000), Ok(claims(1000)));
        assert_eq!(keys.verify(&token, 1000 + ACCESS_TOKEN_SECONDS), Err(TokenError::Expired));
    }

    #[test]
    fn tampered_foreign_and_unsigned_tokens_are_refused() {
        let keys = Keys::from_secret([7; 32]);
        let token = keys.sign(&claims(1000));
        let (head, rest) = token.split_once('.').expect("parts");
        let (_, signature) = rest.split_once('.').expect("parts");

        let mut admin = claims(1000);
        admin.role = Role::Admin;
        let forged_payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&admin).expect("json"));
        assert_eq!(
            keys.verify(&format!("{head}.{forged_payload}.{signature}"), 1000),
            Err(TokenError::BadSignature)
        );

        let other = Keys::from_secret([8; 32]).sign(&claims(1000));
        assert_eq!(keys.verify(&other, 1000), Err(TokenError::BadSignature));

        let none = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        assert_eq!(keys.verify(&format!("{none}.{forged_payload}."), 1000), Err(TokenError::WrongAlgorithm));
        let hs512 = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS512","typ":"JWT"}"#);
        assert_eq!(
            keys.verify(&format!("{hs512}.{forged_payload}.{signature}"), 1000),
            Err(TokenError::WrongAlgorithm)
        );

        for garbage in ["", "a.b", "a.b.c.d", "!!.!!.!!", &format!("{head}.e30.{signature}")] {
            assert!(keys.verify(garbage, 1000).is_err(), "{garbage:?}");
        }
    }

    #[test]
    fn a_token_issued_in_the_future_is_refused() {
        let keys = Keys::from_secret([7; 32]);
        assert_eq!(keys.verify(&keys.sign(&claims(5000)), 1000), Err(TokenError::Malformed));
    }

    #[test]
    fn the_secret_is_created_once_and_read_back() {
        let dir = tempfile::tempdir().expect("temp");
        let first = Keys::load_or_create(dir.path()).expect("created");
        let second = Keys::load_or_create(dir.path()).expect("read");
        assert_eq!(first.secret, second.secret);
        let token = first.sign(&claims(1000));
        assert!(second.verify(&token, 1000).is_ok());
    }
}
