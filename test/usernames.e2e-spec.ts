import { canonicalUsername } from 'nestjs-auth-token';
import { json, type FieldErrorsBody, type LoginResponse } from './fixtures/answers.js';
import { TEST_DATABASES } from './fixtures/databases.js';
import { startLibraryHost, type LibraryTestApp } from './fixtures/library-host/library-host.js';

const PASSWORD = 'violet staple battery';
const TAKEN = 'A user with that username already exists.';
const INVISIBLE = 'The username must not contain control characters or invisible characters.';

describe.each(TEST_DATABASES)('usernames compared by their canonical form (%s)', (db) => {
  let host: LibraryTestApp;

  beforeAll(async () => {
    host = await startLibraryHost(db, { trustProxy: 'loopback', options: { registration: { enabled: true } } });
  });
  afterAll(() => host.close());
  // Registrations are limited to 20 per client IP per window, and every request here comes from 127.0.0.1.
  beforeEach(() => host.query('DELETE FROM auth_throttle'));

  const register = (username: string, password = PASSWORD) =>
    host.http().post('/auth/register').send({ username, password });
  const login = (username: string, password = PASSWORD) =>
    json<LoginResponse>(host.http().post('/auth/login').send({ username, password }));
  const countUsers = async () =>
    Number((await host.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM users'))[0].n);

  /** Registers `first`, expects every other form to be refused as taken, and every form to log in to that one account. */
  async function expectOneName(first: string, others: string[]): Promise<void> {
    await register(first).expect(201);
    for (const other of others) {
      const response = await json<FieldErrorsBody>(register(other));
      expect({ other, status: response.status, body: response.body }).toEqual({
        other,
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: [TAKEN], errors: { username: [TAKEN] } },
      });
    }
    const owner = await login(first);
    expect(owner.status).toBe(200);
    for (const form of others) {
      const response = await login(form);
      expect({ form, status: response.status, id: response.body.user?.id }).toEqual({
        form,
        status: 200,
        id: owner.body.user.id,
      });
    }
  }

  it('treats Émile, émile, ÉMILE and the decomposed E + U+0301 as one name', async () => {
    await expectOneName('Émile', ['émile', 'ÉMILE', 'E\u0301mile']);
  });

  it('treats fullwidth ｊｏｈｎ, JOHN and john as one name', async () => {
    await expectOneName('ｊｏｈｎ', ['JOHN', 'john']);
  });

  it('treats Straße and STRASSE as one name (ß folds to ss)', async () => {
    await expectOneName('Straße', ['STRASSE', 'strasse']);
  });

  describe('with bob registered', () => {
    beforeAll(async () => {
      await register('bob').expect(201);
    });

    it.each([
      ['a Hangul filler (U+3164)', 'bob\u3164'],
      ['a zero-width space (U+200B)', 'bob\u200b'],
      ['a Hangul choseong filler (U+115F)', '\u115fbob'],
      ['a control character (BEL)', 'bo\u0007b'],
      ['a soft hyphen (U+00AD)', 'bob\u00ad'],
    ])('refuses a username with %s, naming the field, and stores nothing', async (_case, username) => {
      const before = await countUsers();
      const response = await register(username);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [INVISIBLE],
        errors: { username: [INVISIBLE] },
      });
      expect(await countUsers()).toBe(before);
    });
  });

  it('gives exactly one of 12 parallel registrations of Zoë, zoë, ZOË and Zoe + U+0308 a 201, the others a 400, never a 5xx', async () => {
    const forms = ['Zoë', 'zoë', 'ZOË', 'Zoe\u0308'];
    // From 12 addresses: one address gets only 2 password hashes at a time.
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        json<FieldErrorsBody>(register(forms[i % forms.length]).set('X-Forwarded-For', `203.0.113.${i + 1}`)),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201).sort()).toEqual(Array(11).fill(400));
    for (const response of responses.filter((r) => r.status === 400))
      expect(response.body.errors).toEqual({ username: [TAKEN] });
    expect(
      await host.query('SELECT id FROM users WHERE "canonicalUsername" = $1', [canonicalUsername('zoë')]),
    ).toHaveLength(1);
  });

  it('keeps İris (capital I with dot above) apart from iris, on this database as on the other', async () => {
    // Full case folding maps İ (U+0130) to i followed by U+0307 COMBINING DOT ABOVE, and NFKC has no single code
    // point for that pair: "i̇ris" is another canonical form than "iris". (Only Turkic-specific folding maps İ to
    // plain i, and the library does not use locale-specific rules.)
    expect(canonicalUsername('İris')).toBe('i\u0307ris');
    await register('iris').expect(201);
    const wrongAccount = await login('İris');
    expect(wrongAccount.status).toBe(401);
    await register('İris').expect(201);
    const [iris, dotted] = [await login('iris'), await login('İris')];
    expect(iris.status).toBe(200);
    expect(dotted.status).toBe(200);
    expect(dotted.body.user.id).not.toBe(iris.body.user.id);
    expect(dotted.body.user.username).toBe('İris');
  });

  it('stores the name as typed (NFKC) and its canonical form, and answers a login with the typed form', async () => {
    await register('Ｋａｔｈａｒｉｎａ\u0308').expect(201);
    const [row] = await host.query<{ username: string; canonicalUsername: string }>(
      'SELECT username, "canonicalUsername" FROM users WHERE "canonicalUsername" = $1',
      [canonicalUsername('katharinä')],
    );
    // NFKC: the fullwidth letters become ASCII and a + U+0308 becomes ä, but the case is kept.
    expect(row).toEqual({ username: 'Katharinä', canonicalUsername: 'katharinä' });
    const response = await login('KATHARINÄ');
    expect(response.status).toBe(200);
    expect(response.body.user.username).toBe('Katharinä');
  });
});
