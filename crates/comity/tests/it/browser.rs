//! Accessibility in a real browser: every page kind in every language through axe-core in
//! Debian's Chromium (e2e/axe.mjs). `.ci/run` installs Chromium and the npm packages; without
//! them this test says it is skipped and why.

use std::path::Path;
use std::process::Command;

use crate::support::Scratch;

#[test]
fn every_page_passes_axe_in_chromium() {
    let e2e = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../e2e");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() || !e2e.join("node_modules/playwright-core").exists() {
        eprintln!(
            "skipped every_page_passes_axe_in_chromium: needs {chromium} and `npm ci` in e2e/ (.ci/run installs both)"
        );
        return;
    }
    let dir = Scratch::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_comity"))
        .current_dir(&dir.0)
        .args(["demo", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let addr = std::io::BufRead::lines(std::io::BufReader::new(out))
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Serving on ").map(|a| {
                a.trim_end_matches(|c| c != '/')
                    .trim_end_matches('/')
                    .to_owned()
            })
        });
    let Some(base) = addr else {
        let _ = child.kill();
        panic!("the demo did not start serving");
    };
    let result = Command::new("node")
        .arg(e2e.join("axe.mjs"))
        .arg(&base)
        .current_dir(&e2e)
        .output();
    let _ = child.kill();
    let _ = child.wait();
    let o = result.expect("run node");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "axe found problems:\n{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
