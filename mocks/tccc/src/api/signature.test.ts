import { describe, expect, it } from 'vitest';
import {
  deriveTc3SigningKey,
  parseTc3Authorization,
  signTc3,
  tc3Authorization,
  tc3Date,
} from './signature.js';

const vectorKeys = {
  secretId: 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12',
  secretKey: 'EXAMPLEKEYexamplekeyEXAMPLEKEY12',
};

describe('signTc3', () => {
  it('reproduces vector A (CCC, POST JSON)', () => {
    const signed = signTc3({
      secretKey: vectorKeys.secretKey,
      service: 'ccc',
      timestamp: 1700000000,
      method: 'POST',
      query: '',
      headers: { 'content-type': 'application/json', host: 'ccc.tencentcloudapi.com' },
      payload: '{"SdkAppId":1400000000,"SeatUserId":"agent@example.com"}',
    });
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json\nhost:ccc.tencentcloudapi.com\n\ncontent-type;host\n210f75dd6fd627c179c1859d9e6c20c7870147cfa2f76fe15f92cd43778b2262',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1700000000\n2023-11-14/ccc/tc3_request\n8f160900c24a62fdf1d22e0c75e0423df29fb582728c3b469af32386761df2f2',
    );
    expect(deriveTc3SigningKey(vectorKeys.secretKey, '2023-11-14', 'ccc').toString('hex')).toBe(
      '59546f9aca242517c9289d95f3f278ce52d10c174a6bcada2d51ccd9fbe16ac9',
    );
    expect(signed.signature).toBe(
      'dcc153a82c7047d1575b2dcaf56b40efec826d182fd4ae2258bf7607d6ac7ce4',
    );
    expect(tc3Authorization(vectorKeys.secretId, signed)).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE12/2023-11-14/ccc/tc3_request, SignedHeaders=content-type;host, Signature=dcc153a82c7047d1575b2dcaf56b40efec826d182fd4ae2258bf7607d6ac7ce4',
    );
  });

  it('reproduces vector B (CCC, GET with the query signed and an empty payload)', () => {
    const signed = signTc3({
      secretKey: vectorKeys.secretKey,
      service: 'ccc',
      timestamp: 1700000000,
      method: 'GET',
      query: 'SdkAppId=1400000000&SeatUserId=agent%40example.com',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: 'ccc.tencentcloudapi.com',
      },
      payload: '',
    });
    expect(signed.signature).toBe(
      '3e46b4fde648d1cee50990102ad134b88eedb1d95821b081a43dd8aaed7376a3',
    );
  });

  it("reproduces Tencent's documented example (vector C, CVM)", () => {
    const signed = signTc3({
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
      service: 'cvm',
      timestamp: 1551113065,
      method: 'POST',
      query: '',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        host: 'cvm.tencentcloudapi.com',
      },
      payload:
        '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    });
    expect(signed.stringToSign.split('\n')[3]).toBe(
      '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.signature).toBe(
      '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('uses the UTC date of the timestamp, not the local date', () => {
    // 2023-11-14T23:30:00Z is already the 15th in Beijing.
    expect(tc3Date(1700004600)).toBe('2023-11-14');
  });
});

describe('parseTc3Authorization', () => {
  it('reads the SDK header', () => {
    const parsed = parseTc3Authorization(
      `TC3-HMAC-SHA256 Credential=AKID1/2023-11-14/ccc/tc3_request, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        secretId: 'AKID1',
        date: '2023-11-14',
        service: 'ccc',
        signedHeaders: ['content-type', 'host'],
        signature: 'a'.repeat(64),
      },
    });
  });

  it.each([
    ['HmacSHA256 Credential=x', 'not-tc3'],
    ['Bearer abc', 'not-tc3'],
    ['TC3-HMAC-SHA256', 'malformed'],
    [
      'TC3-HMAC-SHA256 Credential=AKID1/2023-11-14/ccc/tc3_request, SignedHeaders=host',
      'malformed',
    ],
    [
      `TC3-HMAC-SHA256 Credential=AKID1/2023-11-14/ccc, SignedHeaders=host, Signature=${'a'.repeat(64)}`,
      'malformed',
    ],
    [
      `TC3-HMAC-SHA256 Credential=AKID1/20231114/ccc/tc3_request, SignedHeaders=host, Signature=${'a'.repeat(64)}`,
      'malformed',
    ],
    [
      'TC3-HMAC-SHA256 Credential=AKID1/2023-11-14/ccc/tc3_request, SignedHeaders=host, Signature=xyz',
      'malformed',
    ],
    ...[
      ';content-type;host',
      'content-type;;host',
      'content-type;host;',
      'x(y;host',
      'a"b;host',
    ].map((names) => [
      `TC3-HMAC-SHA256 Credential=AKID1/2023-11-14/ccc/tc3_request, SignedHeaders=${names}, Signature=${'a'.repeat(64)}`,
      'malformed',
    ]),
  ])('rejects %j as %s', (header, reason) => {
    const parsed = parseTc3Authorization(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toBe(reason);
  });
});
