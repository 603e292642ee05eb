// A small OpenID Connect provider for the single sign-on tests: the certified
// `oidc-provider` package (`.ci/run` installs it into target/oidc), with one static client,
// PKCE required, a few accounts, and the package's development login and consent pages
// (any password is accepted; the login names the account).
//
// Environment:
//   OIDC_MODULES        the node_modules folder that holds oidc-provider
//   PORT                the port to listen on (127.0.0.1)
//   CLIENT_ID, CLIENT_SECRET, REDIRECT_URI   the one client
//   CLAIMS_IN_ID_TOKEN  "1": the e-mail claims travel in the ID token; otherwise only
//                       the userinfo endpoint gives them (the package's conforming default)

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const need = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`provider.mjs: ${name} is not set`);
    process.exit(2);
  }
  return value;
};

const modules = need('OIDC_MODULES');
const port = Number(need('PORT'));
const { default: Provider } = await import(pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href);

// Login name → claims. Carl's address is not verified at the provider.
const accounts = {
  'fiona.associate@upskill.example': { name: 'Fiona Associate', email_verified: true },
  'ada.admin@upskill.example': { name: 'Ada Admin', email_verified: true },
  'paula.parttime@upskill.example': { name: 'Paula Parttime', email_verified: true },
  'carl.corporate@upskill.example': { name: 'Carl Corporate', email_verified: false },
  'newcomer.nina@upskill.example': { name: 'Nina Newcomer', email_verified: true },
};

const configuration = {
  clients: [
    {
      client_id: need('CLIENT_ID'),
      client_secret: need('CLIENT_SECRET'),
      redirect_uris: [need('REDIRECT_URI')],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
  },
  conformIdTokenClaims: process.env.CLAIMS_IN_ID_TOKEN !== '1',
  cookies: { keys: ['upskill-test-provider-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) {
      return undefined;
    }
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: account.email_verified, name: account.name };
      },
    };
  },
};

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, configuration);
provider.on('server_error', (_ctx, error) => console.error('provider server_error:', error));
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening at ${issuer}`));
