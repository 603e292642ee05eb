//! The OpenID Connect relying party (`--auth oidc`): the provider's discovery document
//! (read at the first sign-in and kept for an hour), the authorization request with
//! state, nonce and a PKCE challenge, and the code exchange whose ID token is checked
//! (signature, issuer, audience, expiry, nonce, access-token hash) before the verified
//! e-mail address is believed.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata, CoreUserInfoClaims};
use openidconnect::url::Url;
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use crate::config::OidcSettings;

/// How long a discovery document (with the provider's signing keys) is used before it is
/// read again.
const DISCOVERY_LIFETIME: Duration = Duration::from_secs(3600);
/// How long the provider gets to answer one request.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The client as discovery makes it: authorization endpoint known, token and userinfo
/// endpoints as the provider announced them.
type DiscoveredClient =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// A sign-in in progress: what the callback must find again. It travels in a signed,
/// short-lived cookie, so that anonymous visitors leave nothing on the server.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// The `state` sent to the provider (CSRF protection of the callback).
    pub state: String,
    /// The `nonce` the ID token must carry (replay protection).
    pub nonce: String,
    /// The PKCE code verifier (the token request proves it started this flow).
    pub verifier: String,
    /// Where to go once signed in (a local path).
    pub next: String,
    /// Unix time after which the sign-in must be started again.
    pub expires_at: i64,
}

/// Who the provider says signed in, with a verified e-mail address.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    pub email: String,
    pub name: Option<String>,
}

/// Why a sign-in with the provider did not give a verified identity.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// The provider could not be reached, or did not answer in time.
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
    /// The provider refused the code (used already, expired, or not for this client).
    #[error("the provider refused the code: {0}")]
    CodeRefused(String),
    /// The provider's answer does not hold up (bad token, wrong nonce, bad signature…).
    #[error("the provider's answer is not acceptable: {0}")]
    Invalid(String),
    /// The provider gave no e-mail address for the person.
    #[error("no e-mail address in the provider's claims")]
    NoEmail,
    /// The provider does not vouch for the e-mail address.
    #[error("the e-mail address {0} is not verified by the provider")]
    EmailUnverified(String),
}

/// The relying party of one server: its registration and the cached discovery document.
pub struct OidcClient {
    issuer: IssuerUrl,
    client_id: ClientId,
    client_secret: Option<ClientSecret>,
    redirect: RedirectUrl,
    http: openidconnect::reqwest::Client,
    discovered: RwLock<Option<(Instant, Arc<CoreProviderMetadata>)>>,
}

impl OidcClient {
    /// A client for the registration in `settings` (already validated); nothing is
    /// fetched until the first sign-in.
    pub fn new(settings: &OidcSettings) -> anyhow::Result<OidcClient> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects would let a provider's answer send the server elsewhere (SSRF).
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()?;
        Ok(OidcClient {
            issuer: IssuerUrl::new(settings.issuer_url.clone())?,
            client_id: ClientId::new(settings.client_id.clone()),
            client_secret: settings.client_secret.as_ref().map(|secret| ClientSecret::new(secret.0.clone())),
            redirect: RedirectUrl::new(settings.redirect_url.clone())?,
            http,
            discovered: RwLock::new(None),
        })
    }

    /// The issuer URL, as configured.
    pub fn issuer(&self) -> &str {
        self.issuer.as_str()
    }

    /// The provider's discovery document: the cached one while it is fresh, else read now.
    async fn metadata(&self) -> Result<Arc<CoreProviderMetadata>, OidcError> {
        if let Ok(cached) = self.discovered.read() {
            if let Some((read_at, metadata)) = cached.as_ref() {
                if read_at.elapsed() < DISCOVERY_LIFETIME {
                    return Ok(metadata.clone());
                }
            }
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(error_chain(&e)))?;
        let metadata = Arc::new(metadata);
        if let Ok(mut cached) = self.discovered.write() {
            *cached = Some((Instant::now(), metadata.clone()));
        }
        tracing::info!(issuer = %self.issuer.as_str(), "OpenID Connect provider discovered");
        Ok(metadata)
    }

    /// Drops the cached discovery document, so that the next sign-in reads it again (the
    /// provider may have rotated its signing keys).
    fn forget_discovery(&self) {
        if let Ok(mut cached) = self.discovered.write() {
            *cached = None;
        }
    }

    fn client(&self, metadata: &CoreProviderMetadata) -> DiscoveredClient {
        CoreClient::from_provider_metadata(metadata.clone(), self.client_id.clone(), self.client_secret.clone())
            .set_redirect_uri(self.redirect.clone())
    }

    /// Starts a sign-in: the provider URL to send the browser to, and what the callback
    /// must find again (valid for `lifetime`).
    pub async fn start(&self, next: String, lifetime: Duration) -> Result<(Url, PendingSignIn), OidcError> {
        let metadata = self.metadata().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client(&metadata)
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        let lifetime = i64::try_from(lifetime.as_secs()).unwrap_or(600);
        let pending = PendingSignIn {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next,
            expires_at: chrono::Utc::now().timestamp().saturating_add(lifetime),
        };
        Ok((url, pending))
    }

    /// Finishes a sign-in whose `state` has been checked: exchanges the code (with the
    /// PKCE verifier), verifies the ID token and its nonce, and returns the person when
    /// the provider vouches for their e-mail address.
    pub async fn finish(&self, code: String, pending: &PendingSignIn) -> Result<VerifiedIdentity, OidcError> {
        let metadata = self.metadata().await?;
        let client = self.client(&metadata);
        let token = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| OidcError::Invalid(format!("the provider has no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(refusal) => OidcError::CodeRefused(refusal.to_string()),
                RequestTokenError::Request(e) => OidcError::Unavailable(error_chain(&e)),
                other => OidcError::Invalid(error_chain(&other)),
            })?;
        let id_token = token.id_token().ok_or_else(|| OidcError::Invalid("no ID token in the answer".to_owned()))?;
        let verifier = client.id_token_verifier();
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = id_token.claims(&verifier, &nonce).map_err(|e| {
            self.forget_discovery();
            OidcError::Invalid(format!("ID token: {}", error_chain(&e)))
        })?;
        if let Some(expected) = claims.access_token_hash() {
            let algorithm = id_token.signing_alg().map_err(|e| OidcError::Invalid(error_chain(&e)))?;
            let key = id_token.signing_key(&verifier).map_err(|e| OidcError::Invalid(error_chain(&e)))?;
            let actual = AccessTokenHash::from_token(token.access_token(), algorithm, key)
                .map_err(|e| OidcError::Invalid(error_chain(&e)))?;
            if actual != *expected {
                return Err(OidcError::Invalid("the access token does not match its hash in the ID token".to_owned()));
            }
        }
        let name_of = |name: Option<&openidconnect::LocalizedClaim<openidconnect::EndUserName>>| {
            name.and_then(|n| n.get(None)).map(|n| n.as_str().to_owned())
        };
        // Many providers put the e-mail claims in the ID token; a conforming one may keep
        // them at the userinfo endpoint, asked with the access token for the same subject.
        let (email, verified, name) = match claims.email() {
            Some(email) => (email.as_str().to_owned(), claims.email_verified(), name_of(claims.name())),
            None => {
                let info: CoreUserInfoClaims = client
                    .user_info(token.access_token().clone(), Some(claims.subject().clone()))
                    .map_err(|_| OidcError::NoEmail)?
                    .request_async(&self.http)
                    .await
                    .map_err(|e| OidcError::Invalid(format!("userinfo: {}", error_chain(&e))))?;
                let email = info.email().map(|e| e.as_str().to_owned()).ok_or(OidcError::NoEmail)?;
                (email, info.email_verified(), name_of(info.name()))
            }
        };
        if verified != Some(true) {
            return Err(OidcError::EmailUnverified(email));
        }
        Ok(VerifiedIdentity { email, name })
    }
}

/// An error with its causes, on one line, for the log.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}
