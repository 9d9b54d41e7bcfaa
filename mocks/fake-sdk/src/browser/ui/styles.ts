/**
 * Styles of the workspace, applied as a constructed stylesheet inside its shadow root: no
 * <style> element and no style attribute in markup, so a strict Content-Security-Policy
 * (style-src without 'unsafe-inline') does not block it.
 */
export const workspaceCss = `
:host { all: initial; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2329; }
:host([hidden]) { display: none !important; }
.float { position: absolute; right: 0; bottom: 0; width: 56px; height: 56px; border-radius: 50%;
  border: none; background: #006eff; color: #fff; font-weight: 600; cursor: pointer;
  box-shadow: 0 4px 12px rgba(0,0,0,.2); }
.float[hidden], .workbench[hidden], button[hidden], .call[hidden], .idle[hidden], .ended[hidden] { display: none; }
.workbench { box-sizing: border-box; display: flex; flex-direction: column; gap: 12px;
  background: #fff; border: 1px solid #dcdfe6; border-radius: 8px; padding: 16px;
  box-shadow: 0 8px 24px rgba(0,0,0,.12); }
:host(.floating) .workbench { position: absolute; right: 0; bottom: 68px; width: 320px; }
:host(.embedded) .workbench { width: 100%; height: 100%; min-width: 760px; min-height: 480px; }
header { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.seat { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status { padding: 2px 8px; border-radius: 10px; background: #f0f2f5; font-size: 12px; white-space: nowrap; }
.status[data-status="free"] { background: #e8f7ee; color: #0a7a3a; }
.status[data-status="busy"] { background: #fdecec; color: #b42318; }
.call { display: flex; flex-direction: column; gap: 8px; padding: 12px; border-radius: 6px; background: #f5f7fa; }
.peer { font-size: 18px; font-weight: 600; letter-spacing: .5px; }
.actions { display: flex; gap: 8px; }
.actions button { flex: 1; padding: 8px 12px; border: none; border-radius: 4px; color: #fff; cursor: pointer; font: inherit; }
.accept { background: #0abf5b; }
.hangup { background: #e54545; }
.idle { color: #6b7280; }
.ended { display: flex; justify-content: space-between; align-items: center; gap: 8px; color: #6b7280; }
.complete { padding: 6px 12px; border: 1px solid #dcdfe6; border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
`;

/** A constructed stylesheet, or undefined where the browser lacks them. */
export function workspaceSheet(): CSSStyleSheet | undefined {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(workspaceCss);
    return sheet;
  } catch {
    return undefined;
  }
}
