import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { assertKnownOptionKeys } from '../libs/auth-token/src/core/options/option-keys.js';
import { KNOWN_OPTION_KEYS } from '../libs/auth-token/src/options.js';
import {
  checkSnippets,
  extractSnippets,
  optionPaths,
  ROOT,
  typeScriptSnippets,
  type Snippet,
  type SnippetCheck,
} from './fixtures/readme-snippets/check-snippets.js';

/** The repository README and the one shipped in the package. */
const READMES = ['README.md', 'libs/auth-token/README.md'];
const SNIPPETS = READMES.flatMap(typeScriptSnippets);
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** A type probe compiled with the snippets: the options types, as a host sees them. */
const PROBE = join(ROOT, '.readme-snippets', 'options-probe.ts');
const PROBE_SOURCE =
  "import type { AuthTokenModuleExtras, AuthTokenOptions } from 'nestjs-auth-token';\nexport type Options = AuthTokenOptions;\nexport type Extras = AuthTokenModuleExtras;\n";

let check: SnippetCheck;
beforeAll(() => {
  check = checkSnippets(SNIPPETS, { [PROBE]: PROBE_SOURCE });
}, 120_000);

describe('every ```ts snippet of the READMEs compiles with strict TypeScript against the library sources', () => {
  it('finds the snippets of both READMEs', () => {
    for (const file of READMES) expect(SNIPPETS.filter((snippet) => snippet.file === file).length).toBeGreaterThan(3);
  });

  it.each(SNIPPETS.map((snippet) => [`${snippet.file}:${snippet.line}`, snippet] as const))('%s', (_where, snippet) => {
    expect(check.errors(snippet)).toEqual([]);
  });

  it.each(READMES)('%s labels every fenced block with its language, so no TypeScript escapes the check', (file) => {
    const unlabelled = extractSnippets(read(file), file).filter((snippet) => snippet.lang === '');
    expect(unlabelled.map((snippet) => `${snippet.file}:${snippet.line}`)).toEqual([]);
  });
});

describe('the smallest host in the READMEs is test/fixtures/host-app, which the package test installs', () => {
  const fixture = (name: string) => read(join('test', 'fixtures', 'host-app', name)).trimEnd();

  it.each([
    ['README.md', ['user.entity.ts', 'app.module.ts', 'main.ts']],
    ['libs/auth-token/README.md', ['user.entity.ts', 'app.module.ts', 'main.ts', 'data-source.ts']],
  ])('%s shows %j verbatim', (file, names) => {
    const shown = SNIPPETS.filter((snippet) => snippet.file === file && snippet.name !== undefined);
    expect(shown.map((snippet) => snippet.name).sort()).toEqual([...names].sort());
    for (const snippet of shown) {
      expect({ file: snippet.name, code: snippet.code.split('\n').slice(1).join('\n').trimEnd() }).toEqual({
        file: snippet.name,
        code: fixture(snippet.name as string),
      });
    }
  });
});

describe("the package README's options reference", () => {
  /** The option names in the tables of the "## Options" section; `.x` after `a.b` stands for `a.x`. */
  function documentedOptions(): string[] {
    const markdown = read('libs/auth-token/README.md');
    const section = /^## Options\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1] ?? '';
    return section
      .split('\n')
      .filter((line) => /^\| `/.test(line))
      .flatMap((line) => {
        let previous = '';
        return [...line.split('|')[1].matchAll(/`([\w.]+)`/g)].map(([, name]) => {
          previous = name.startsWith('.') ? previous.replace(/\.[^.]+$/, name) : name;
          return previous;
        });
      });
  }

  function probedPaths(alias: 'Options' | 'Extras'): string[] {
    const checker = check.program.getTypeChecker();
    const source = check.program.getSourceFile(PROBE) as ts.SourceFile;
    const declaration = source.statements.find(
      (statement): statement is ts.TypeAliasDeclaration =>
        ts.isTypeAliasDeclaration(statement) && statement.name.text === alias,
    );
    return optionPaths(checker, checker.getTypeAtLocation(declaration as ts.TypeAliasDeclaration));
  }

  it('names every option of AuthTokenOptions and of the extras (itself, or a row for its whole group)', () => {
    const documented = documentedOptions();
    const paths = [...probedPaths('Options'), ...probedPaths('Extras')];
    expect(paths).toEqual(
      expect.arrayContaining([
        'tokens.ttl',
        'throttle.maxPerAccount',
        'userFields.canonicalUsername',
        'emailConfirm.redirect.success',
        'userEntity',
      ]),
    );
    const leaves = paths.filter((path) => !paths.some((other) => other.startsWith(`${path}.`)));
    const missing = leaves.filter((path) => !documented.some((name) => path === name || path.startsWith(`${name}.`)));
    expect(missing).toEqual([]);
  });

  it('names only options the module accepts', () => {
    const documented = documentedOptions();
    expect(documented.length).toBeGreaterThan(40);
    const extras = probedPaths('Extras');
    const unknown = documented.filter((name) => {
      if (extras.includes(name)) return false;
      const raw = name.split('.').reduceRight<unknown>((value, key) => ({ [key]: value }), 1) as object;
      try {
        assertKnownOptionKeys(raw, KNOWN_OPTION_KEYS);
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });
});

describe('the snippet checker itself', () => {
  /** Small Markdown files with known mistakes, compiled together in one program (as the READMEs are). */
  const CASES = {
    typeError: ['# Title', '', '```ts', "const ttl: number = '60';", '```', ''],
    misspeltOption: [
      "<!-- snippet-prelude: import { AuthTokenModule } from 'nestjs-auth-token'; import { User } from './user.js'; -->",
      '```ts',
      'AuthTokenModule.forRoot({',
      '  userEntity: User,',
      '  tokens: { tll: 60 },',
      '});',
      '```',
    ],
    fragment: [
      '```ts',
      "AuthTokenModule.forRoot({ userEntity: User, userFields: { username: 'email' } });",
      '```',
      '',
      '<!-- snippet-prelude:',
      "import { AuthTokenModule } from 'nestjs-auth-token';",
      "import { User } from './user.js';",
      '-->',
      '```ts',
      "AuthTokenModule.forRoot({ userEntity: User, userFields: { username: 'email' } });",
      '```',
    ],
    badPrelude: [
      "<!-- snippet-prelude: import { Nope } from 'nestjs-auth-token'; -->",
      '```ts',
      'export const n = 1;',
      '```',
    ],
  };
  const snippetsOf = (name: keyof typeof CASES) =>
    extractSnippets(CASES[name].join('\n'), `${name}.md`).filter((snippet) => snippet.lang === 'ts');
  let cases: SnippetCheck;
  beforeAll(() => {
    cases = checkSnippets((Object.keys(CASES) as (keyof typeof CASES)[]).flatMap(snippetsOf), {}, check.program);
  }, 120_000);
  const errorsOf = (name: keyof typeof CASES) => snippetsOf(name).map((snippet) => cases.errors(snippet));

  it('fails a snippet with a type error, naming the Markdown line and the diagnostic', () => {
    expect(errorsOf('typeError')).toEqual([
      [expect.stringMatching(/^typeError\.md:4: TS2322 Type 'string' is not assignable to type 'number'/)],
    ]);
  });

  it('fails a misspelt option of AuthTokenModule.forRoot (the options are typed, not a bag of strings)', () => {
    expect(errorsOf('misspeltOption')).toEqual([
      [expect.stringMatching(/^misspeltOption\.md:5: TS2353 .*'tll' does not exist/)],
    ]);
  });

  it('compiles a fragment only with the imports its snippet-prelude gives, and counts lines past the prelude', () => {
    const [without, withPrelude] = errorsOf('fragment');
    expect(without).toEqual([
      expect.stringMatching(/^fragment\.md:2: TS2304 Cannot find name 'AuthTokenModule'/),
      expect.stringMatching(/^fragment\.md:2: TS2304 Cannot find name 'User'/),
    ]);
    expect(withPrelude).toEqual([]);
  });

  it('reports an error inside the prelude as such', () => {
    expect(errorsOf('badPrelude')).toEqual([
      [expect.stringMatching(/^badPrelude\.md:1 \(snippet-prelude\): TS2305 .*'Nope'/)],
    ]);
  });

  it('reads fences of every language, their lines and the file name of a `// src/<name>.ts` first line', () => {
    const snippets: Snippet[] = extractSnippets(
      ['```bash', 'npm test', '```', '', '  ```ts', '  // src/main.ts', '  const a = 1;', '  ```'].join('\n'),
      'CHECK.md',
    );
    expect(snippets).toEqual([
      { file: 'CHECK.md', line: 1, lang: 'bash', code: 'npm test', prelude: '', name: undefined },
      { file: 'CHECK.md', line: 5, lang: 'ts', code: '// src/main.ts\nconst a = 1;', prelude: '', name: 'main.ts' },
    ]);
  });
});
