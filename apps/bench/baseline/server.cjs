'use strict';
/**
 * The baseline of `pnpm bench`: step 2 ("Get SDK URL") of TCCC's Web integration guide,
 * as Tencent publishes it (https://www.tencentcloud.com/document/product/1229/59617), in a
 * small Express app. Kept as the guide writes it:
 *   - it requires the package ROOT of tencentcloud-sdk-nodejs (which loads every service),
 *   - it builds a new client on every request,
 *   - no rate limiting, no retry, no sign-in: the seat is fixed in code, like the guide's
 *     'xxx@qq.com'.
 * Changed only where running it needs it: credentials, SdkAppId, seat and the mock's
 * endpoint come from the environment instead of literals; `protocol: 'http://'` reaches
 * the loopback mock; and the error branch ends the response (the guide's bare
 * `res.status(500)` never answers, so the request would hang until the client gives up).
 *
 *   TCCC_SECRET_ID=… TCCC_SECRET_KEY=… TCCC_SDK_APP_ID=1400000000 \
 *   TCCC_SEAT_USER_ID=agent@example.com TCCC_ENDPOINT=127.0.0.1:4000 PORT=3000 \
 *   node bench/baseline/server.cjs
 */
const tencentcloud = require('tencentcloud-sdk-nodejs');
const express = require('express');

const REQUIRED = [
  'TCCC_SECRET_ID',
  'TCCC_SECRET_KEY',
  'TCCC_SDK_APP_ID',
  'TCCC_SEAT_USER_ID',
  'TCCC_ENDPOINT',
  'PORT',
];
const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  process.stderr.write(
    `baseline: set ${missing.join(', ')} (TCCC_ENDPOINT is host:port of the mock TCCC)\n`,
  );
  process.exit(2);
}

const app = express();
const CccClient = tencentcloud.ccc.v20200210.Client;

app.use('/loginTCCC', (_req, res) => {
  const clientConfig = {
    credential: {
      secretId: process.env.TCCC_SECRET_ID,
      secretKey: process.env.TCCC_SECRET_KEY,
    },
    region: 'ap-singapore',
    profile: {
      httpProfile: {
        endpoint: process.env.TCCC_ENDPOINT,
        protocol: 'http://',
      },
    },
  };
  const client = new CccClient(clientConfig);
  const params = {
    SdkAppId: Number(process.env.TCCC_SDK_APP_ID),
    SeatUserId: process.env.TCCC_SEAT_USER_ID,
  };
  client.CreateSDKLoginToken(params).then(
    (data) => {
      res.send({
        SdkURL: data.SdkURL,
      });
    },
    (err) => {
      console.error('error', err);
      res.status(500).end();
    },
  );
});

app.listen(Number(process.env.PORT), '127.0.0.1');
