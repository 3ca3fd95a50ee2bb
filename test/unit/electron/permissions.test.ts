// Permission requests and checks: all denied.
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../electron/main/permissions.ts';

describe('permissions', () => {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
  };
  denyAllPermissions(session as never);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'unknown'])(
    'denies a request for %s',
    (permission) => {
      const handler = session.setPermissionRequestHandler.mock.calls[0]![0];
      const callback = vi.fn();
      handler({}, permission, callback, { requestingUrl: 'app://custody/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers every permission check with false', () => {
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    for (const permission of ['media', 'clipboard-sanitized-write', 'storage-access', 'usb']) {
      expect(check(null, permission, 'app://custody', {})).toBe(false);
    }
  });

  it('denies device access and screen capture', () => {
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]({ deviceType: 'usb' })).toBe(false);
    const callback = vi.fn();
    session.setDisplayMediaRequestHandler.mock.calls[0]![0]({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });
});
