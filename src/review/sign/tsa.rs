//! A time-stamp authority (RFC 3161) asked over HTTP for a time-stamp
//! over a signature value: what turns a PAdES B-B signature into B-T, a
//! signature whose time does not rest on the signer's clock.

use std::time::Duration;

use sha2::Digest;

use super::cms;

/// How long rsr waits for the authority.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The largest answer read: a token with its certificate chain is a few
/// kilobytes.
const MOST: u64 = 1 << 20;

/// Why the authority's time-stamp could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TsaError {
    /// Not an `http://` URL.
    Url(String),
    /// No answer, or not a time-stamp reply.
    Transport(String),
    /// The authority answered, but not with a token for this request.
    Refused(String),
}

/// Whether `url` names an authority rsr can ask: `http://` (the
/// authority's answer is signed and checked, so it needs no TLS).
pub fn check_url(url: &str) -> Result<(), TsaError> {
    let lower = url.to_ascii_lowercase();
    match lower.strip_prefix("http://") {
        Some(rest) if !rest.is_empty() => Ok(()),
        _ => Err(TsaError::Url(url.to_string())),
    }
}

/// Asks the authority at `url` for a time-stamp token over `signature`;
/// returns the token (the DER of its ContentInfo) once it is checked to
/// stamp `signature` and to answer this request (its nonce).
pub fn stamp(url: &str, signature: &[u8]) -> Result<Vec<u8>, TsaError> {
    check_url(url)?;
    // A nonce no other request has: from the signature and the clock.
    let nonce = {
        let mut hasher = sha2::Sha256::new();
        hasher.update(signature);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        hasher.update(now.as_nanos().to_be_bytes());
        hasher.finalize()[..8].to_vec()
    };
    let request = cms::timestamp_request(signature, &nonce)
        .map_err(|e| TsaError::Refused(format!("{e:?}")))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .post(url)
        .header("Content-Type", "application/timestamp-query")
        .header("Accept", "application/timestamp-reply")
        .send(&request[..])
        .map_err(|e| TsaError::Transport(e.to_string()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(TsaError::Transport(format!("HTTP {status}")));
    }
    let body = response
        .body_mut()
        .with_config()
        .limit(MOST)
        .read_to_vec()
        .map_err(|e| TsaError::Transport(e.to_string()))?;
    let token = cms::timestamp_token(&body).map_err(|e| match e {
        cms::CmsError::Signing(status) => TsaError::Refused(status),
        other => TsaError::Transport(format!("{other:?}")),
    })?;
    let info = cms::token_info(&token).map_err(|e| TsaError::Refused(format!("{e:?}")))?;
    if info.imprint != sha2::Sha256::digest(signature).as_slice() {
        return Err(TsaError::Refused("the token stamps something else".into()));
    }
    if info.nonce.as_deref() != Some(cms::nonce_octets(&nonce).as_slice()) {
        return Err(TsaError::Refused(
            "the token does not answer this request (nonce)".into(),
        ));
    }
    Ok(token)
}
