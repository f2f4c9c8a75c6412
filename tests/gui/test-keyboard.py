#!/usr/bin/python3
# test-keyboard.py: the window driven by real key presses, read back
# through the accessibility tree (AT-SPI), as a screen reader user would.
#
# Copyright 2026 The Raming developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run inside a D-Bus session on a display:
#   xvfb-run -a dbus-run-session -- /usr/bin/python3 test-keyboard.py RAMING EXAMPLE
# Prints TAP, on the file descriptor $RAMING_TAP_FD when set: the AT-SPI
# registry that D-Bus starts writes a line of its own on the session's
# standard output, which is not TAP (tests/gui/meson.build moves it).

import os
import shutil
import subprocess
import sys
import tempfile
import time

tap = os.fdopen(int(os.environ.get('RAMING_TAP_FD', '1')), 'w', buffering=1)

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP pyatspi is not installed', file=tap)
    sys.exit(0)

if 'DISPLAY' not in os.environ:
    print('1..0 # SKIP no display', file=tap)
    sys.exit(0 if 'RAMING_REQUIRE_DISPLAY' not in os.environ else 1)

raming, example = sys.argv[1], sys.argv[2]
workdir = tempfile.mkdtemp(prefix='raming-keyboard-')
document = os.path.join(workdir, os.path.basename(example))
shutil.copy(example, document)

env = dict(os.environ)
env['XDG_DATA_HOME'] = os.path.join(workdir, 'data')
env['XDG_CONFIG_HOME'] = os.path.join(workdir, 'config')
env.pop('GTK_A11Y', None)
app_process = subprocess.Popen([raming, document], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

TAB, RETURN = 23, 36      # X keycodes of the default Xvfb keymap
n = 0
failed = False


def result(ok, name):
    global n, failed
    n += 1
    print(('ok %d %s' if ok else 'not ok %d %s') % (n, name), file=tap)
    failed = failed or not ok


def find(node, predicate, depth=0):
    try:
        if predicate(node):
            return node
    except Exception:
        return None
    if depth > 40:
        return None
    for i in range(node.childCount):
        found = find(node.getChildAtIndex(i), predicate, depth + 1)
        if found is not None:
            return found
    return None


def focused(app):
    return find(app, lambda node: node.getState().contains(pyatspi.STATE_FOCUSED))


def press(code):
    pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESSRELEASE)
    time.sleep(0.3)


def type_text(text):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
    time.sleep(0.3)


try:
    app = None
    for _ in range(60):
        time.sleep(0.5)
        desktop = pyatspi.Registry.getDesktop(0)
        apps = [a for a in desktop if a is not None and 'aming' in (a.name or '')]
        if apps and find(apps[0], lambda node: (node.name or '').startswith('Original expectation, Afbakening WLZ')):
            app = apps[0]
            break
    result(app is not None, 'the window shows the example in the accessibility tree')
    if app is None:
        raise SystemExit

    # Tab from the header to the figure “Original expectation” of “Afbakening WLZ”.
    target = 'Original expectation, Afbakening WLZ: Geen'
    reached = False
    for _ in range(40):
        press(TAB)
        node = focused(app)
        if node is not None and node.name == target:
            reached = True
            break
    result(reached, 'Tab reaches a figure of the table')

    press(RETURN)
    node = focused(app)
    result(node is not None and node.getRoleName() == 'text', 'Enter edits the figure')

    type_text('150.000')
    press(RETURN)
    time.sleep(0.5)
    node = focused(app)
    result(node is not None and node.name == 'Original expectation, Afbakening WLZ: 150.000',
           'Enter takes the typed figure and keeps the focus on the cell')

    total = find(app, lambda node: (node.name or '').startswith('Original expectation:'))
    result(total is not None and total.name.startswith('Original expectation: 4.850.000'),
           'the summary shows the new total')
finally:
    app_process.terminate()
    try:
        app_process.wait(5)
    except subprocess.TimeoutExpired:
        app_process.kill()
    shutil.rmtree(workdir, ignore_errors=True)
    print('1..%d' % n, file=tap)

sys.exit(1 if failed else 0)
