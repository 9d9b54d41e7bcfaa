export {
  CHROMIUM_ARGS,
  type ChromiumEnvironment,
  chromiumLaunchOptions,
  findChromium,
  SYSTEM_CHROMIUM_PATHS,
} from './chromium.js';
export {
  expect,
  type MockTcccTestFixtures,
  type MockTcccWorkerFixtures,
  test,
} from './fixture.js';
