import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenModule } from 'nestjs-auth-token';
import request from 'supertest';
import { Account, accountAuthOptions } from './fixtures/account-host.js';
import { createTestDatabase, TEST_DATABASES, type TestDatabase } from './fixtures/databases.js';
import { SmtpCatcher, SmtpMailer } from './fixtures/smtp-catcher.js';

const PASSWORD = 'violet staple battery';

describe.each(TEST_DATABASES)('localized confirmation mails, confirming through the isActive field (%s)', (db) => {
  let database: TestDatabase;
  let smtp: SmtpCatcher;
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    database = await createTestDatabase(db);
    smtp = await new SmtpCatcher().start();
    const typeorm =
      db === 'sqlite'
        ? { type: 'better-sqlite3' as const, database: ':memory:' }
        : { type: 'postgres' as const, url: database.url };
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ ...typeorm, autoLoadEntities: true, synchronize: true }),
        AuthTokenModule.forRoot({
          userEntity: Account,
          ...accountAuthOptions(),
          userFields: {
            username: 'emailAddress',
            password: 'passwordHash',
            isActive: 'enabled',
            email: 'emailAddress',
          },
          registration: { enabled: true },
          emailConfirm: {
            enabled: true,
            field: 'enabled',
            baseUrl: 'https://accounts.example',
            from: 'accounts@example.com',
            templates: {
              en: { subject: 'Welcome {username}', text: 'Confirm: {url}' },
              de: {
                subject: 'Willkommen {username}',
                text: 'Bitte bestätigen: {url}',
                html: '<a href="{url}">Bestätigen</a>',
              },
            },
          },
          mailer: new SmtpMailer(smtp.port),
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    http = () => request(url);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await database.drop();
  });

  const register = (email: string, language?: string) => {
    const call = http().post('/auth/register');
    return (language ? call.set('Accept-Language', language) : call).send({
      username: email,
      email,
      password: PASSWORD,
    });
  };

  // The German template has an HTML part; the English one sets only a text, which drops the default HTML part.
  it.each([
    [
      'de-CH,de;q=0.9,en;q=0.5',
      'Willkommen',
      'Bitte bestätigen: https://accounts.example/auth/register/confirm/',
      'Bestätigen',
    ],
    ['fr-FR, en;q=0.8', 'Welcome', 'Confirm: https://accounts.example/auth/register/confirm/', null],
    [undefined, 'Welcome', 'Confirm: https://accounts.example/auth/register/confirm/', null],
  ])('picks the template for Accept-Language %j', async (language, subject, text, htmlLinkText) => {
    const email = `${subject.toLowerCase()}-${String(language).length}@example.com`;
    await register(email, language).expect(201);
    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe(`${subject} ${email}`);
    expect(mail.text.slice(0, text.length)).toBe(text);
    expect(mail.html).toBe(htmlLinkText === null ? false : `<a href="${mail.link}">${htmlLinkText}</a>`);
  });

  it('leaves the account inactive until confirmed: 403 after the right password, then 200', async () => {
    await register('otto@example.com', 'de').expect(201);
    const mail = await smtp.waitFor('otto@example.com');
    const login = () => http().post('/auth/login').send({ username: 'otto@example.com', password: PASSWORD });
    expect((await login()).status).toBe(403);
    await http()
      .get(new URL(mail.link as string).pathname)
      .expect(302);
    expect((await login()).status).toBe(200);
  });
});
