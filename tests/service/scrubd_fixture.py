# The real scrubd binary as a subprocess, for Python end-to-end tests (run
# with /usr/bin/python3: Debian's grpcio imports only there): start it on a
# unix socket under /tmp, wait until it serves, read its metrics and its
# memory, stop it.
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.request

RUNFILES = os.path.join(os.environ["TEST_SRCDIR"], os.environ.get("TEST_WORKSPACE", "scrub"))
sys.path.insert(0, os.path.join(RUNFILES, "proto", "scrub", "v1"))
SCRUBD = os.path.join(RUNFILES, "service", "scrubd")
TMP = os.environ.get("TEST_TMPDIR", "/tmp")


def wait_until(predicate, timeout, interval=0.02):
    """Polls predicate() until it is true; False after `timeout` seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


class Scrubd:
    def __init__(self, name, args=(), env=None):
        # Under /tmp: a unix socket path must fit in 108 bytes.
        self.socket = "/tmp/scrubd-%s-%d-%08x.sock" % (name, os.getpid(),
                                                       random.getrandbits(32))
        self.log_path = os.path.join(TMP, "scrubd-%s.log" % name)
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [SCRUBD, "--listen=unix://" + self.socket, "--metrics_listen=127.0.0.1:0"]
            + list(args), stdout=self._log, stderr=self._log, env=env)
        if not wait_until(lambda: b"(self-test passed)" in self.log() or
                          self.process.poll() is not None, 120):
            raise AssertionError("scrubd did not start:\n" + self.log().decode())
        if self.process.poll() is not None:
            raise AssertionError("scrubd exited:\n" + self.log().decode())
        port = re.search(rb"metrics on http://127\.0\.0\.1:(\d+)/metrics", self.log())
        self.metrics_port = int(port.group(1))
        self.target = "unix:" + self.socket

    def log(self):
        with open(self.log_path, "rb") as f:
            return f.read()

    def metrics(self):
        url = "http://127.0.0.1:%d/metrics" % self.metrics_port
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()

    def metric(self, series):
        """The value of one series ('name{labels}'), 0 when absent."""
        for line in self.metrics().splitlines():
            if line.startswith(series + " "):
                return float(line[len(series) + 1:])
        return 0.0

    def rss_bytes(self):
        with open("/proc/%d/status" % self.process.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS for scrubd")

    def stop(self, timeout=60):
        """SIGTERM; the exit code (None if it did not exit in time)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            code = None
        self._log.close()
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        return code
