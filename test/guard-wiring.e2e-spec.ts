import { Controller, Get, Module, UseGuards } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthTokenGuard, AuthTokenModule } from 'nestjs-auth-token';
import { Account } from './fixtures/account-host.js';

// Start-up wiring only: no request reaches a database, so SQLite in memory stands for both.

@Controller('reports')
class ReportsController {
  @Get()
  @UseGuards(AuthTokenGuard)
  list() {
    return [];
  }
}

/** A feature module that uses the guard but imports nothing that provides AuthTokenModule. */
@Module({ controllers: [ReportsController] })
class ReportsModule {}

const database = TypeOrmModule.forRoot({
  type: 'better-sqlite3',
  database: ':memory:',
  autoLoadEntities: true,
  synchronize: true,
});
const auth = (isGlobal: boolean) =>
  AuthTokenModule.forRoot({
    userEntity: Account,
    isGlobal,
    userFields: { username: 'emailAddress', password: 'passwordHash', isActive: 'enabled' },
  });

describe('AuthTokenGuard wiring', () => {
  it('stops start-up with a message saying what to import when the guard is used where AuthTokenModule is not visible', async () => {
    const build = Test.createTestingModule({ imports: [database, auth(false), ReportsModule] }).compile();
    await expect(build).rejects.toThrow(
      'AuthTokenGuard, used in ReportsModule, cannot see AuthTokenModule: import there the module that calls AuthTokenModule.forRoot()',
    );
  });

  it('starts when the module is global', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [database, auth(true), ReportsModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    await app.close();
  });
});
