#!/usr/bin/python3
# Calls the real scrubd from Python, through Debian's python3-grpcio and
# stubs generated from proto/scrub/v1/scrub.proto (//proto/scrub/v1:
# scrub_py_grpc): both RPCs, an error status, and the health service.
# Runs under /usr/bin/python3 on purpose: Debian's grpcio imports only there.
import os
import random
import signal
import subprocess
import sys
import time
import unittest

RUNFILES = os.path.join(os.environ["TEST_SRCDIR"], os.environ.get("TEST_WORKSPACE", "scrub"))
sys.path.insert(0, os.path.join(RUNFILES, "proto", "scrub", "v1"))

import grpc  # noqa: E402
import scrub_pb2  # noqa: E402
import scrub_pb2_grpc  # noqa: E402

SCRUBD = os.path.join(RUNFILES, "service", "scrubd")
TMP = os.environ.get("TEST_TMPDIR", "/tmp")


class ScrubdFromPythonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Under /tmp: a unix socket path must fit in 108 bytes.
        cls.socket = "/tmp/scrubd-py-%d-%08x.sock" % (os.getpid(), random.getrandbits(32))
        cls.log_path = os.path.join(TMP, "scrubd-python.log")
        cls.log = open(cls.log_path, "wb")
        cls.scrubd = subprocess.Popen(
            [SCRUBD, "--listen=unix://" + cls.socket], stdout=cls.log, stderr=cls.log)
        deadline = time.time() + 60
        while b"(self-test passed)" not in cls.read_log():
            if time.time() > deadline or cls.scrubd.poll() is not None:
                raise AssertionError("scrubd did not start:\n" + cls.read_log().decode())
            time.sleep(0.02)
        cls.channel = grpc.insecure_channel("unix:" + cls.socket)
        grpc.channel_ready_future(cls.channel).result(timeout=30)
        cls.stub = scrub_pb2_grpc.ScrubStub(cls.channel)

    @classmethod
    def read_log(cls):
        with open(cls.log_path, "rb") as f:
            return f.read()

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        cls.scrubd.send_signal(signal.SIGTERM)
        code = cls.scrubd.wait(timeout=30)
        cls.log.close()
        if os.path.exists(cls.socket):
            os.unlink(cls.socket)
        assert code == 0, "scrubd exited with %d" % code

    def test_scan_batch_gives_one_verdict_per_message_in_order(self):
        request = scrub_pb2.ScanBatchRequest(
            messages=[
                scrub_pb2.ChatMessage(id="a", text="今天天气不错".encode()),
                scrub_pb2.ChatMessage(id="b", text="电话138-1234-5678".encode(),
                                      conversation_id="c1"),
                scrub_pb2.ChatMessage(id="c", text=b"\xff\xfe"),
            ],
            options=scrub_pb2.ScanOptions(include_findings=True))
        response = self.stub.ScanBatch(request, timeout=10)
        self.assertEqual([r.id for r in response.results], ["a", "b", "c"])
        self.assertEqual([r.verdict for r in response.results],
                         [scrub_pb2.ALLOW, scrub_pb2.REDACTED, scrub_pb2.BLOCKED])
        self.assertEqual(response.results[1].redacted_text.decode(), "电话[CN_MOBILE]")
        finding = response.results[1].findings[0]
        self.assertEqual((finding.detector, finding.start, finding.end),
                         ("CN_MOBILE", 6, 19))
        self.assertEqual(response.results[2].block_reason, "invalid_utf8")
        self.assertEqual(response.policy.name, "scrub-default")

    def test_scan_stream_answers_each_request_in_order(self):
        def requests():
            for i in range(5):
                yield scrub_pb2.ScanStreamRequest(records=[
                    scrub_pb2.Record(id="r%d-0" % i, text=b"hello"),
                    scrub_pb2.Record(id="r%d-1" % i,
                                     text=("邮箱 user%d@example.com" % i).encode()),
                ])
        responses = list(self.stub.ScanStream(requests(), timeout=10))
        self.assertEqual(len(responses), 5)
        for i, response in enumerate(responses):
            self.assertEqual([r.id for r in response.results], ["r%d-0" % i, "r%d-1" % i])
            self.assertEqual(response.results[0].verdict, scrub_pb2.ALLOW)
            self.assertEqual(response.results[1].redacted_text.decode(), "邮箱 [EMAIL]")

    def test_scan_stream_redacts_json_records_as_json(self):
        # A phone number as a JSON number, another behind \u escapes.
        record = (rb'{"user":{"phone":13812345678},'
                  rb'"msg":"\u0031\u0033\u0039\u0031\u0032\u0033'
                  rb'\u0034\u0035\u0036\u0037\u0038",'
                  rb'"n":1.50}')
        request = scrub_pb2.ScanStreamRequest(
            format=scrub_pb2.RECORD_FORMAT_JSON,
            options=scrub_pb2.ScanOptions(include_findings=True),
            records=[scrub_pb2.Record(id="j1", text=record),
                     scrub_pb2.Record(id="j2", text=b'{"phone":')])
        responses = list(self.stub.ScanStream(iter([request]), timeout=10))
        self.assertEqual(len(responses), 1)
        ok, bad = responses[0].results
        self.assertEqual(ok.verdict, scrub_pb2.REDACTED)
        self.assertEqual(ok.redacted_text,
                         b'{"user":{"phone":"[CN_MOBILE]"},"msg":"[CN_MOBILE]","n":1.50}')
        self.assertEqual(
            [(f.detector, f.json_pointer, f.start, f.end, f.value_start, f.value_end,
              f.in_key) for f in ok.findings],
            [("CN_MOBILE", "/user/phone", 17, 28, 0, 11, False),
             ("CN_MOBILE", "/msg", 36, 104, 0, 11, False)])
        self.assertEqual(bad.verdict, scrub_pb2.BLOCKED)
        self.assertEqual(bad.block_reason, "malformed_json")
        self.assertEqual(bad.block_detail, "malformed JSON at byte 9: Invalid value.")

    def test_missing_id_is_invalid_argument(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.stub.ScanBatch(scrub_pb2.ScanBatchRequest(
                messages=[scrub_pb2.ChatMessage(text=b"x")]), timeout=10)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(caught.exception.details(), "messages[0].id is required")

    def test_health_reports_serving(self):
        # grpc.health.v1.Health/Check called generically: an empty request;
        # the response's field 1 (status) is SERVING = 1.
        check = self.channel.unary_unary("/grpc.health.v1.Health/Check",
                                         request_serializer=lambda b: b,
                                         response_deserializer=lambda b: b)
        self.assertEqual(check(b"", timeout=10), b"\x08\x01")


if __name__ == "__main__":
    unittest.main()
