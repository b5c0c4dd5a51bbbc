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
use der::{Decode, Encode, Sequence};
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
            unsigned_attrs: None,
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
        info.to_der().map_err(|e| failed(&e))
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
}

/// Reads a CMS SignedData and checks that its one signer signed `covered`
/// (the parts of the file the signature covers, in order).
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
    Ok(Checked {
        certificate,
        intact,
        signing_time,
        carried,
    })
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
