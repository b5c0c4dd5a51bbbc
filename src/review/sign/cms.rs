//! The signature container (CMS SignedData, RFC 5652) of a PAdES
//! signature: made from a signer's key and certificate, and checked: the
//! digest it signs, the signature over it, the certificate chain up to an
//! organisation's trusted CA, the certificate's validity at the signing
//! time.
//!
//! Keys: RSA (PKCS #1 v1.5) and ECDSA on P-256, which is what Swedish
//! e-identification and signing services issue; digests SHA-256, -384,
//! -512.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Decode, Encode, Sequence, Tagged};
use sha2::Digest;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::spki::AlgorithmIdentifierOwned;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
const RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const RSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const RSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const RSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// id-aa-signatureTimeStampToken (RFC 3161 appendix A): the time-stamp
/// over a signature value that makes a PAdES B-B signature B-T.
const ID_SIGNATURE_TIME_STAMP_TOKEN: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");
const ID_CT_TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const ID_KP_TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");
const GIVEN_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.42");
const SURNAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.4");

/// What is wrong with a signature container or its certificates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CmsError {
    /// The .p12 file could not be opened (wrong password, damaged).
    Keystore(String),
    /// The .p12 file holds no private key with a certificate.
    NoKey,
    /// A key or algorithm rsr does not verify or sign with.
    Unsupported(String),
    /// Not a CMS SignedData of one signer with its certificate.
    Malformed(String),
    /// Making the signature failed.
    Signing(String),
}

/// ESS signing-certificate-v2 (RFC 5035): binds the signature to the
/// signer's certificate, as PAdES B-B requires.
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// With the default hash, SHA-256, whose identifier is left out.
#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

enum Key {
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
    P256(Box<p256::ecdsa::SigningKey>),
}

/// What asks a time-stamp authority for a token over a signature value.
pub type Stamper<'a, E> = dyn Fn(&[u8]) -> Result<Vec<u8>, E> + 'a;

/// A signer's key and certificate chain, from a .p12 file.
pub struct Signer {
    key: Key,
    /// The signer's certificate first, then the CAs the file holds.
    chain: Vec<Certificate>,
}

impl Signer {
    /// Opens a PKCS #12 file with its password.
    pub fn from_p12(bytes: &[u8], password: &str) -> Result<Signer, CmsError> {
        let store = p12_keystore::KeyStore::from_pkcs12(
            bytes,
            password,
            p12_keystore::Pkcs12ImportPolicy::default(),
        )
        .map_err(|e| CmsError::Keystore(e.to_string()))?;
        let (_, chain) = store.private_key_chain().ok_or(CmsError::NoKey)?;
        let certificates = chain
            .certs()
            .iter()
            .map(|c| Certificate::from_der(c.as_der()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| CmsError::Keystore(e.to_string()))?;
        if certificates.is_empty() {
            return Err(CmsError::NoKey);
        }
        let der = chain.key().as_der();
        let info = rsa::pkcs8::PrivateKeyInfoRef::from_der(der)
            .map_err(|e| CmsError::Keystore(e.to_string()))?;
        let key = match info.algorithm.oid {
            RSA => Key::Rsa(Box::new(
                rsa::pkcs1v15::SigningKey::<sha2::Sha256>::try_from(info)
                    .map_err(|e| CmsError::Keystore(e.to_string()))?,
            )),
            EC_PUBLIC_KEY => Key::P256(Box::new(
                p256::ecdsa::SigningKey::try_from(info)
                    .map_err(|e| CmsError::Unsupported(e.to_string()))?,
            )),
            other => return Err(CmsError::Unsupported(other.to_string())),
        };
        Ok(Signer {
            key,
            chain: certificates,
        })
    }

    /// The signer's certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.chain[0]
    }

    /// A CMS SignedData, detached, over content whose SHA-256 is `digest`:
    /// signed attributes content-type, message-digest and
    /// signing-certificate-v2; no signing-time, which PAdES keeps in the
    /// signature dictionary's `/M`.
    pub fn sign(&self, digest: &[u8]) -> Result<Vec<u8>, CmsError> {
        self.sign_stamped::<CmsError>(digest, None)
    }

    /// As `sign`; with `stamp`, PAdES B-T: `stamp` is given the signature
    /// value and returns a time-stamp token over it (the DER of its
    /// ContentInfo), which goes in the unsigned attribute
    /// signature-time-stamp-token.
    pub fn sign_stamped<E: From<CmsError>>(
        &self,
        digest: &[u8],
        stamp: Option<&Stamper<E>>,
    ) -> Result<Vec<u8>, E> {
        fn any(value: &(impl der::EncodeValue + der::Tagged)) -> Result<der::Any, CmsError> {
            der::Any::encode_from(value).map_err(|e| CmsError::Signing(e.to_string()))
        }
        let failed = |e: &dyn std::fmt::Display| CmsError::Signing(e.to_string());
        let certificate = self.certificate();
        let certificate_der = certificate.to_der().map_err(|e| failed(&e))?;
        let ess = SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                cert_hash: OctetString::new(sha2::Sha256::digest(&certificate_der).to_vec())
                    .map_err(|e| failed(&e))?,
            }],
        };
        let attribute = |oid: ObjectIdentifier, value: der::Any| -> Result<Attribute, CmsError> {
            let mut values = SetOfVec::new();
            values.insert(value).map_err(|e| failed(&e))?;
            Ok(Attribute { oid, values })
        };
        let mut attributes = SetOfVec::new();
        for entry in [
            attribute(ID_CONTENT_TYPE, any(&ID_DATA)?)?,
            attribute(
                ID_MESSAGE_DIGEST,
                any(&OctetString::new(digest.to_vec()).map_err(|e| failed(&e))?)?,
            )?,
            attribute(ID_SIGNING_CERTIFICATE_V2, any(&ess)?)?,
        ] {
            attributes.insert(entry).map_err(|e| failed(&e))?;
        }
        // What is signed is the DER of the attributes as a SET.
        let message = attributes.to_der().map_err(|e| failed(&e))?;
        let (algorithm, signature) = match &self.key {
            Key::Rsa(key) => {
                use rsa::signature::{SignatureEncoding, Signer};
                let signature: rsa::pkcs1v15::Signature =
                    key.try_sign(&message).map_err(|e| failed(&e))?;
                (RSA_SHA256, signature.to_vec())
            }
            Key::P256(key) => {
                use rsa::signature::Signer;
                let signature: p256::ecdsa::Signature =
                    key.try_sign(&message).map_err(|e| failed(&e))?;
                (ECDSA_SHA256, signature.to_der().as_bytes().to_vec())
            }
        };
        let sha256 = AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        };
        let unsigned_attrs = match stamp {
            Some(stamp) => {
                let token = stamp(&signature)?;
                let token = der::Any::from_der(&token)
                    .map_err(|e| CmsError::Malformed(format!("time-stamp token: {e}")))?;
                let mut unsigned = SetOfVec::new();
                unsigned
                    .insert(attribute(ID_SIGNATURE_TIME_STAMP_TOKEN, token)?)
                    .map_err(|e| failed(&e))?;
                Some(unsigned)
            }
            None => None,
        };
        let signer_info = SignerInfo {
            version: CmsVersion::V1,
            sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
                issuer: certificate.tbs_certificate().issuer().clone(),
                serial_number: certificate.tbs_certificate().serial_number().clone(),
            }),
            digest_alg: sha256.clone(),
            signed_attrs: Some(attributes),
            signature_algorithm: AlgorithmIdentifierOwned {
                oid: algorithm,
                parameters: (algorithm == RSA_SHA256).then_some(der::Any::null()),
            },
            signature: OctetString::new(signature).map_err(|e| failed(&e))?,
            unsigned_attrs,
        };
        let mut digest_algorithms = SetOfVec::new();
        digest_algorithms.insert(sha256).map_err(|e| failed(&e))?;
        let mut certificates = SetOfVec::new();
        for certificate in &self.chain {
            certificates
                .insert(CertificateChoices::Certificate(certificate.clone()))
                .map_err(|e| failed(&e))?;
        }
        let mut signer_infos = SetOfVec::new();
        signer_infos.insert(signer_info).map_err(|e| failed(&e))?;
        let signed = SignedData {
            version: CmsVersion::V1,
            digest_algorithms,
            encap_content_info: EncapsulatedContentInfo {
                econtent_type: ID_DATA,
                econtent: None,
            },
            certificates: Some(CertificateSet(certificates)),
            crls: None,
            signer_infos: SignerInfos(signer_infos),
        };
        let info = ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: der::Any::encode_from(&signed).map_err(|e| failed(&e))?,
        };
        Ok(info.to_der().map_err(|e| failed(&e))?)
    }
}

/// A certificate's subject as a person's name: the common name, else
/// given name and surname.
pub fn person_name(certificate: &Certificate) -> String {
    let subject = certificate.tbs_certificate().subject();
    let find = |oid: ObjectIdentifier| {
        subject
            .iter()
            .find(|atv| atv.oid == oid)
            .and_then(|atv| directory_string(&atv.value))
    };
    find(COMMON_NAME)
        .or_else(|| Some(format!("{} {}", find(GIVEN_NAME)?, find(SURNAME)?)))
        .unwrap_or_else(|| subject.to_string())
}

fn directory_string(value: &der::Any) -> Option<String> {
    if let Ok(s) = value.decode_as::<der::asn1::Utf8StringRef>() {
        return Some(s.as_str().to_string());
    }
    if let Ok(s) = value.decode_as::<der::asn1::PrintableStringRef>() {
        return Some(s.as_str().to_string());
    }
    if let Ok(s) = value.decode_as::<der::asn1::Ia5StringRef>() {
        return Some(s.as_str().to_string());
    }
    if let Ok(s) = value.decode_as::<der::asn1::TeletexStringRef>() {
        return Some(s.as_str().to_string());
    }
    None
}

/// A certificate's subject as RFC 4514 writes it.
pub fn subject(certificate: &Certificate) -> String {
    certificate.tbs_certificate().subject().to_string()
}

/// What a signature container says, once checked.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The signer's certificate.
    pub certificate: Certificate,
    /// Whether the digest and the signature over it hold.
    pub intact: Result<(), String>,
    /// The signing-time attribute, if the container has one.
    pub signing_time: Option<chrono::DateTime<chrono::Utc>>,
    /// The other certificates the container carries.
    pub carried: Vec<Certificate>,
    /// The time-stamp over the signature (PAdES B-T), if it has one:
    /// checked, or what is wrong with it.
    pub timestamp: Option<Result<Stamp, String>>,
}

/// A time-stamp token over a signature, checked: the time a time-stamp
/// authority attests the signature existed at.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub time: chrono::DateTime<chrono::Utc>,
    /// The authority's certificate.
    pub authority: Certificate,
    /// The other certificates the token carries.
    pub carried: Vec<Certificate>,
}

/// What a time-stamp token's TSTInfo (RFC 3161 2.4.2) says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TstInfo {
    /// The digest algorithm of the message imprint.
    pub algorithm: ObjectIdentifier,
    /// The digest of what was stamped.
    pub imprint: Vec<u8>,
    /// `genTime`.
    pub time: chrono::DateTime<chrono::Utc>,
    /// The nonce of the request, as the authority returns it.
    pub nonce: Option<Vec<u8>>,
}

/// MessageImprint (RFC 3161 2.4.1).
#[derive(Sequence)]
struct MessageImprint {
    hash_algorithm: AlgorithmIdentifierOwned,
    hashed_message: OctetString,
}

/// TimeStampReq (RFC 3161 2.4.1), without a policy or extensions.
#[derive(Sequence)]
struct TimeStampReq {
    version: u8,
    message_imprint: MessageImprint,
    #[asn1(optional = "true")]
    nonce: Option<der::asn1::Uint>,
    #[asn1(default = "Default::default")]
    cert_req: bool,
}

/// A time-stamp request for `message` (a signature value): its SHA-256,
/// `nonce`, and the authority's certificate asked for in the token.
pub fn timestamp_request(message: &[u8], nonce: &[u8]) -> Result<Vec<u8>, CmsError> {
    let failed = |e: der::Error| CmsError::Signing(e.to_string());
    TimeStampReq {
        version: 1,
        message_imprint: MessageImprint {
            hash_algorithm: AlgorithmIdentifierOwned {
                oid: SHA256,
                parameters: None,
            },
            hashed_message: OctetString::new(sha2::Sha256::digest(message).to_vec())
                .map_err(failed)?,
        },
        nonce: Some(der::asn1::Uint::new(nonce).map_err(failed)?),
        cert_req: true,
    }
    .to_der()
    .map_err(failed)
}

/// The elements of a DER SEQUENCE, each as it is.
fn elements(sequence: &der::Any) -> Result<Vec<der::Any>, der::Error> {
    use der::Reader;
    let mut reader = der::SliceReader::new(sequence.value())?;
    let mut elements = Vec::new();
    while !reader.is_finished() {
        elements.push(reader.decode::<der::Any>()?);
    }
    Ok(elements)
}

/// The time-stamp token of a TimeStampResp (RFC 3161 2.4.2), when the
/// authority granted the request; else the status and its text.
pub fn timestamp_token(response: &[u8]) -> Result<Vec<u8>, CmsError> {
    let malformed = |e: &dyn std::fmt::Display| CmsError::Malformed(e.to_string());
    let response = der::Any::from_der(response).map_err(|e| malformed(&e))?;
    let parts = elements(&response).map_err(|e| malformed(&e))?;
    let status = parts
        .first()
        .ok_or_else(|| CmsError::Malformed("an empty TimeStampResp".into()))?;
    let status_parts = elements(status).map_err(|e| malformed(&e))?;
    let code: u8 = status_parts
        .first()
        .ok_or_else(|| CmsError::Malformed("no PKIStatus".into()))?
        .decode_as()
        .map_err(|e| malformed(&e))?;
    // 0 granted, 1 granted with modifications.
    if code > 1 {
        let text: Vec<String> = status_parts
            .get(1)
            .and_then(|t| t.decode_as::<Vec<String>>().ok())
            .unwrap_or_default();
        return Err(CmsError::Signing(format!(
            "status {code}{}",
            if text.is_empty() {
                String::new()
            } else {
                format!(": {}", text.join(" "))
            }
        )));
    }
    let token = parts
        .get(1)
        .ok_or_else(|| CmsError::Malformed("granted without a token".into()))?;
    token.to_der().map_err(|e| malformed(&e))
}

/// The TSTInfo of a time-stamp token, and the token's SignedData.
fn tst_info(token: &[u8]) -> Result<(TstInfo, SignedData, Vec<u8>), CmsError> {
    let malformed = |e: &dyn std::fmt::Display| CmsError::Malformed(e.to_string());
    let info = ContentInfo::from_der(token).map_err(|e| malformed(&e))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(CmsError::Malformed(format!(
            "content type {}",
            info.content_type
        )));
    }
    let signed: SignedData = info.content.decode_as().map_err(|e| malformed(&e))?;
    if signed.encap_content_info.econtent_type != ID_CT_TST_INFO {
        return Err(CmsError::Malformed("not a time-stamp token".into()));
    }
    let content: OctetString = signed
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or_else(|| CmsError::Malformed("a time-stamp token without its TSTInfo".into()))?
        .decode_as()
        .map_err(|e| malformed(&e))?;
    let bytes = content.as_bytes().to_vec();
    let sequence = der::Any::from_der(&bytes).map_err(|e| malformed(&e))?;
    let parts = elements(&sequence).map_err(|e| malformed(&e))?;
    // version, policy, messageImprint, serialNumber, genTime, then the
    // optional accuracy, ordering, nonce (the only INTEGER), tsa, extensions.
    let [_, _, imprint, _, time, rest @ ..] = parts.as_slice() else {
        return Err(CmsError::Malformed("a short TSTInfo".into()));
    };
    let imprint: MessageImprint = imprint.decode_as().map_err(|e| malformed(&e))?;
    if time.tag() != der::Tag::GeneralizedTime {
        return Err(CmsError::Malformed("genTime".into()));
    }
    // GeneralizedTime with the fractions of a second authorities may add.
    let text = std::str::from_utf8(time.value()).map_err(|e| malformed(&e))?;
    let time = chrono::NaiveDateTime::parse_from_str(text, "%Y%m%d%H%M%S%.fZ")
        .map_err(|e| malformed(&e))?
        .and_utc();
    let nonce = rest
        .iter()
        .find(|a| a.tag() == der::Tag::Integer)
        .map(|a| a.value().to_vec());
    Ok((
        TstInfo {
            algorithm: imprint.hash_algorithm.oid,
            imprint: imprint.hashed_message.as_bytes().to_vec(),
            time,
            nonce,
        },
        signed,
        bytes,
    ))
}

/// What a time-stamp token attests, read without checking it.
pub fn token_info(token: &[u8]) -> Result<TstInfo, CmsError> {
    tst_info(token).map(|(info, _, _)| info)
}

/// The nonce as an INTEGER's content octets: `nonce` without leading
/// zeros, with one where the first bit is set.
pub fn nonce_octets(nonce: &[u8]) -> Vec<u8> {
    let start = nonce
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(nonce.len().saturating_sub(1));
    let mut octets = nonce[start..].to_vec();
    if octets.first().is_some_and(|b| b & 0x80 != 0) {
        octets.insert(0, 0);
    }
    octets
}

/// Checks a time-stamp token over `signature`: the authority's signature
/// over its TSTInfo, the imprint of `signature`, and that the authority's
/// certificate is one for time-stamping.
fn check_timestamp(token: &der::Any, signature: &[u8]) -> Result<Stamp, String> {
    let token = token.to_der().map_err(|e| e.to_string())?;
    let (info, signed, content) = tst_info(&token).map_err(|e| reason(&e))?;
    let imprint = digest_of(&info.algorithm, &[signature]).map_err(|e| reason(&e))?;
    if imprint != info.imprint {
        return Err("it stamps another signature".into());
    }
    stamp_of(&info, &signed, &content)
}

/// Checks a document time-stamp (PAdES `/DocTimeStamp`, `ETSI.RFC3161`):
/// a time-stamp token whose imprint is the digest of `covered`, the bytes
/// its `/ByteRange` covers; the authority's signature over it, and that
/// its certificate is for time-stamping and was valid then.
pub fn check_document_timestamp(token: &[u8], covered: &[&[u8]]) -> Result<Stamp, String> {
    let (info, signed, content) = tst_info(token).map_err(|e| reason(&e))?;
    let imprint = digest_of(&info.algorithm, covered).map_err(|e| reason(&e))?;
    if imprint != info.imprint {
        return Err("it stamps other bytes: the file was changed after it".into());
    }
    stamp_of(&info, &signed, &content)
}

/// What a token's authority is held to, whatever it stamps: its signature
/// over the TSTInfo, a certificate for time-stamping, valid at the time.
fn stamp_of(info: &TstInfo, signed: &SignedData, content: &[u8]) -> Result<Stamp, String> {
    let (checked, _) = check_signed(signed, &[content]).map_err(|e| reason(&e))?;
    checked
        .intact
        .map_err(|what| format!("its {what} does not hold"))?;
    let time_stamping = checked
        .certificate
        .tbs_certificate()
        .get_extension::<x509_cert::ext::pkix::ExtendedKeyUsage>()
        .ok()
        .flatten()
        .is_some_and(|(_, usage)| usage.0.contains(&ID_KP_TIME_STAMPING));
    if !time_stamping {
        return Err(format!(
            "{} is not a time-stamp authority's certificate",
            subject(&checked.certificate)
        ));
    }
    let (from, until) = validity(&checked.certificate);
    if info.time < from || info.time > until {
        return Err(format!(
            "the authority's certificate was not valid at {}",
            info.time.format("%Y-%m-%d %H:%M:%S UTC")
        ));
    }
    Ok(Stamp {
        time: info.time,
        authority: checked.certificate,
        carried: checked.carried,
    })
}

fn reason(error: &CmsError) -> String {
    match error {
        CmsError::Keystore(s)
        | CmsError::Unsupported(s)
        | CmsError::Malformed(s)
        | CmsError::Signing(s) => s.clone(),
        CmsError::NoKey => "no key".into(),
    }
}

/// Reads a CMS SignedData and checks that its one signer signed `covered`
/// (the parts of the file the signature covers, in order), and the
/// time-stamp over the signature where there is one.
pub fn check(container: &[u8], covered: &[&[u8]]) -> Result<Checked, CmsError> {
    let malformed = |e: &dyn std::fmt::Display| CmsError::Malformed(e.to_string());
    let info = ContentInfo::from_der(container).map_err(|e| malformed(&e))?;
    if info.content_type != ID_SIGNED_DATA {
        return Err(CmsError::Malformed(format!(
            "content type {}",
            info.content_type
        )));
    }
    let signed: SignedData = info.content.decode_as().map_err(|e| malformed(&e))?;
    let (mut checked, signer) = check_signed(&signed, covered)?;
    checked.timestamp = signer
        .unsigned_attrs
        .iter()
        .flat_map(|attributes| attributes.iter())
        .find(|a| a.oid == ID_SIGNATURE_TIME_STAMP_TOKEN)
        .and_then(|a| a.values.iter().next())
        .map(|token| check_timestamp(token, signer.signature.as_bytes()));
    Ok(checked)
}

/// Checks that the one signer of `signed` signed `covered`.
fn check_signed<'a>(
    signed: &'a SignedData,
    covered: &[&[u8]],
) -> Result<(Checked, &'a SignerInfo), CmsError> {
    let malformed = |e: &dyn std::fmt::Display| CmsError::Malformed(e.to_string());
    let signer = match signed.signer_infos.0.as_slice() {
        [one] => one,
        others => {
            return Err(CmsError::Malformed(format!(
                "{} signers in one container",
                others.len()
            )));
        }
    };
    let certificates: Vec<Certificate> = signed
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let certificate = certificates
        .iter()
        .find(|c| match &signer.sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => {
                c.tbs_certificate().issuer() == &id.issuer
                    && c.tbs_certificate().serial_number() == &id.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(id) => c
                .tbs_certificate()
                .get_extension::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                .ok()
                .flatten()
                .is_some_and(|(_, ski)| ski == *id),
        })
        .cloned()
        .ok_or_else(|| CmsError::Malformed("the signer's certificate is missing".into()))?;

    let digest = digest_of(&signer.digest_alg.oid, covered)?;
    let attributes = signer
        .signed_attrs
        .as_ref()
        .ok_or_else(|| CmsError::Malformed("no signed attributes".into()))?;
    let attribute = |oid: ObjectIdentifier| {
        attributes
            .iter()
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
    };
    let claimed = attribute(ID_MESSAGE_DIGEST)
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| CmsError::Malformed("no message-digest attribute".into()))?;
    let signing_time = attribute(ID_SIGNING_TIME)
        .and_then(|v| v.decode_as::<x509_cert::time::Time>().ok())
        .and_then(|t| chrono::DateTime::from_timestamp(t.to_unix_duration().as_secs() as i64, 0));
    let intact = if claimed.as_bytes() != digest.as_slice() {
        Err("digest".to_string())
    } else {
        let message = attributes.to_der().map_err(|e| malformed(&e))?;
        verify(
            &certificate,
            &signer.signature_algorithm.oid,
            Some(&signer.digest_alg.oid),
            &message,
            Some(signer.signature.as_bytes()),
        )
        .map_err(|e| match e {
            CmsError::Unsupported(what) => what,
            _ => "signature".to_string(),
        })
    };
    let carried = certificates
        .into_iter()
        .filter(|c| c != &certificate)
        .collect();
    Ok((
        Checked {
            certificate,
            intact,
            signing_time,
            carried,
            timestamp: None,
        },
        signer,
    ))
}

fn digest_of(algorithm: &ObjectIdentifier, parts: &[&[u8]]) -> Result<Vec<u8>, CmsError> {
    fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
        let mut hasher = D::new();
        for part in parts {
            hasher.update(part);
        }
        hasher.finalize().to_vec()
    }
    match *algorithm {
        SHA256 => Ok(run::<sha2::Sha256>(parts)),
        SHA384 => Ok(run::<sha2::Sha384>(parts)),
        SHA512 => Ok(run::<sha2::Sha512>(parts)),
        other => Err(CmsError::Unsupported(format!("digest {other}"))),
    }
}

/// Checks `signature` over `message` with the key of `certificate`;
/// `algorithm` is the signature algorithm, `digest` the digest
/// algorithm where the former names only the key (rsaEncryption).
fn verify(
    certificate: &Certificate,
    algorithm: &ObjectIdentifier,
    digest: Option<&ObjectIdentifier>,
    message: &[u8],
    signature: Option<&[u8]>,
) -> Result<(), CmsError> {
    use rsa::signature::Verifier;
    let signature = signature.ok_or_else(|| CmsError::Malformed("no signature".into()))?;
    let spki = certificate
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .map_err(|e| CmsError::Malformed(e.to_string()))?;
    let wrong = |_| CmsError::Signing("signature".into());
    let rsa_with = |hash: &ObjectIdentifier| -> Result<(), CmsError> {
        use rsa::pkcs8::DecodePublicKey;
        let key = rsa::PublicKey::from_public_key_der(&spki)
            .map_err(|e| CmsError::Unsupported(e.to_string()))?;
        let signature = rsa::pkcs1v15::Signature::try_from(signature).map_err(wrong)?;
        match *hash {
            SHA256 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key)
                .verify(message, &signature)
                .map_err(wrong),
            SHA384 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha384>::new(key)
                .verify(message, &signature)
                .map_err(wrong),
            SHA512 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha512>::new(key)
                .verify(message, &signature)
                .map_err(wrong),
            other => Err(CmsError::Unsupported(format!("digest {other}"))),
        }
    };
    match *algorithm {
        RSA_SHA256 => rsa_with(&SHA256),
        RSA_SHA384 => rsa_with(&SHA384),
        RSA_SHA512 => rsa_with(&SHA512),
        RSA => rsa_with(digest.unwrap_or(&SHA256)),
        ECDSA_SHA256 => {
            use p256::pkcs8::DecodePublicKey as _;
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki)
                .map_err(|e| CmsError::Unsupported(e.to_string()))?;
            let signature = p256::ecdsa::DerSignature::from_bytes(signature).map_err(wrong)?;
            key.verify(message, &signature).map_err(wrong)
        }
        other => Err(CmsError::Unsupported(format!(
            "signature algorithm {other}"
        ))),
    }
}

/// Whether `issuer` signed `certificate`.
pub fn issued_by(certificate: &Certificate, issuer: &Certificate) -> bool {
    if certificate.tbs_certificate().issuer() != issuer.tbs_certificate().subject() {
        return false;
    }
    let Ok(tbs) = certificate.tbs_certificate().to_der() else {
        return false;
    };
    verify(
        issuer,
        &certificate.signature_algorithm().oid,
        None,
        &tbs,
        certificate.signature().as_bytes(),
    )
    .is_ok()
}

/// When a certificate is valid: from, until.
pub fn validity(
    certificate: &Certificate,
) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    let validity = certificate.tbs_certificate().validity();
    let at = |time: x509_cert::time::Time| {
        chrono::DateTime::from_timestamp(time.to_unix_duration().as_secs() as i64, 0)
            .unwrap_or_default()
    };
    (at(validity.not_before), at(validity.not_after))
}

/// The chain from `certificate` up to one of `trusted`, through the
/// certificates `carried` beside it; the trusted CA it reaches, or `None`.
pub fn chain_to<'a>(
    certificate: &Certificate,
    carried: &[Certificate],
    trusted: &'a [Certificate],
) -> Option<&'a Certificate> {
    let mut current = certificate.clone();
    for _ in 0..8 {
        if let Some(anchor) = trusted
            .iter()
            .find(|t| *t == &current || issued_by(&current, t))
        {
            return Some(anchor);
        }
        let next = carried
            .iter()
            .find(|c| *c != &current && issued_by(&current, c))?;
        current = next.clone();
    }
    None
}

/// Certificates from PEM text or one DER certificate.
pub fn certificates(bytes: &[u8]) -> Result<Vec<Certificate>, CmsError> {
    if bytes.starts_with(b"-----BEGIN") || bytes.windows(10).any(|w| w == b"-----BEGIN") {
        Certificate::load_pem_chain(bytes).map_err(|e| CmsError::Malformed(e.to_string()))
    } else {
        Certificate::from_der(bytes)
            .map(|c| vec![c])
            .map_err(|e| CmsError::Malformed(e.to_string()))
    }
}
