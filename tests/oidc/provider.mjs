// A real OpenID Connect provider on loopback for the browser tests
// (web/test/oidc.test.mjs): npm's oidc-provider (a certified implementation)
// with its development login and consent pages, one confidential client, RS256
// keys made at start. Any login name is accepted (any password): the name is
// the subject; ACCOUNTS gives some names fixed claims, others get
// <name>@example.org, verified.
//
// For the failure cases the test sets a one-shot tampering of the next token
// response: POST /__test/tamper?mode= bad-signature (signed by a second key
// that is not in the JWKS, same kid), expired, wrong-audience. POST
// /__test/hold makes the next redirect back to the client a page with the
// link (#callback) instead, so the test can change or replay what it carries.
//
//   node tests/oidc/provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
//   → prints "ready http://127.0.0.1:PORT" when listening.
import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!redirectUri) {
  console.error('usage: provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

export const ACCOUNTS = {
  anja: { email: 'anja.kamphuis@noaberzorg.demo', email_verified: true, name: 'Anja Kamphuis' },
  onbevestigd: { email: 'onbevestigd@example.org', email_verified: false, name: 'Niet Bevestigd' },
};

function rsaKey(kid) {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}
const signing = rsaKey('k1');
const stranger = rsaKey('k1');  // same kid, never published

const b64u = (buf) => Buffer.from(buf).toString('base64url');
function resign(idToken, change, key) {
  const [, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url')), ...change };
  const data = b64u(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })) + '.' + b64u(JSON.stringify(claims));
  return data + '.' + b64u(crypto.sign('sha256', Buffer.from(data), key));
}

let tamper = null;
let hold = false;
const esc = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri],
    grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [signing.jwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,  // the ID token carries the e-mail claims, as LinkedIn's does
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  async findAccount(ctx, sub) {
    const a = ACCOUNTS[sub] ?? { email: `${sub}@example.org`, email_verified: true, name: `Lid ${sub}` };
    return { accountId: sub, async claims() { return { sub, ...a }; } };
  },
});
provider.use(async (ctx, next) => {
  await next();
  const location = ctx.response.get('location');
  if (hold && ctx.status >= 300 && ctx.status < 400 && location.startsWith(redirectUri)) {
    hold = false;
    ctx.status = 200;
    ctx.remove('location');
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><title>held</title><a id="callback" href="${esc(location)}">back to the client</a>`;
  }
  if (ctx.path === '/token' && ctx.status === 200 && tamper && ctx.body?.id_token) {
    const now = Math.floor(Date.now() / 1000);
    const t = ctx.body.id_token;
    if (tamper === 'bad-signature') ctx.body.id_token = resign(t, {}, stranger.privateKey);
    if (tamper === 'expired') ctx.body.id_token = resign(t, { iat: now - 1200, exp: now - 600 }, signing.privateKey);
    if (tamper === 'wrong-audience') ctx.body.id_token = resign(t, { aud: 'someone-else' }, signing.privateKey);
    tamper = null;
  }
});
const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url.startsWith('/__test/tamper')) {
    tamper = new URL(req.url, issuer).searchParams.get('mode');
    res.writeHead(204).end();
    return;
  }
  if (req.method === 'POST' && req.url === '/__test/hold') {
    hold = true;
    res.writeHead(204).end();
    return;
  }
  callback(req, res);
});
server.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => server.close(() => process.exit(0)));
