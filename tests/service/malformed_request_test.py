#!/usr/bin/python3
# Request bodies that are not valid protobuf, sent raw by a real client
# (Debian's python3-grpcio with identity serializers): INVALID_ARGUMENT with
# a message that says what is wrong (never the bytes), counted as
# malformed_request; scrubd keeps serving. (gRPC's callback API answered
# them UNIMPLEMENTED with no message, uncounted; a stream just ended OK.)
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scrubd_fixture  # noqa: E402

import grpc  # noqa: E402
import scrub_pb2  # noqa: E402
import scrub_pb2_grpc  # noqa: E402


def identity(b):
    return b


# Each: not a ScanBatchRequest / ScanStreamRequest a protobuf parser accepts.
MALFORMED = [
    b"\xff\xff\xff\xff\xff",                       # a tag that is not a varint
    b"\x0a\x20\x0a\x0b13812345678",                # a field longer than the body
    b"\x0a\x04\x0a\x02\xff\xfe",                   # an id (string) that is not UTF-8
]


class MalformedRequestTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scrubd = scrubd_fixture.Scrubd("malformed")
        cls.channel = grpc.insecure_channel(cls.scrubd.target)
        grpc.channel_ready_future(cls.channel).result(timeout=60)
        cls.stub = scrub_pb2_grpc.ScrubStub(cls.channel)
        cls.raw_batch = cls.channel.unary_unary(
            "/scrub.v1.Scrub/ScanBatch", request_serializer=identity,
            response_deserializer=identity)
        cls.raw_stream = cls.channel.stream_stream(
            "/scrub.v1.Scrub/ScanStream", request_serializer=identity,
            response_deserializer=identity)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        assert cls.scrubd.stop() == 0, cls.scrubd.log().decode()

    def errors(self):
        return self.scrubd.metric('scrubd_errors_total{reason="malformed_request"}')

    def test_malformed_scan_batch_is_invalid_argument_saying_why_and_counted(self):
        before = self.errors()
        for body in MALFORMED:
            with self.subTest(body=body):
                with self.assertRaises(grpc.RpcError) as caught:
                    self.raw_batch(body, timeout=30)
                self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
                self.assertEqual(
                    caught.exception.details(),
                    "the request is not a valid scrub.v1.ScanBatchRequest: its %d bytes "
                    "do not parse as protobuf (malformed, or a string field that is "
                    "not UTF-8)" % len(body))
        self.assertEqual(self.errors() - before, len(MALFORMED))
        self.assertEqual(
            self.scrubd.metric(
                'scrubd_requests_total{code="INVALID_ARGUMENT",rpc="ScanBatch"}'),
            len(MALFORMED))
        self.assertNotIn(b"13812345678", self.scrubd.log())
        # The same channel still works.
        response = self.stub.ScanBatch(scrub_pb2.ScanBatchRequest(messages=[
            scrub_pb2.ChatMessage(id="m", text="电话138-1234-5678".encode())]), timeout=30)
        self.assertEqual(response.results[0].verdict, scrub_pb2.REDACTED)

    def test_malformed_stream_request_ends_the_stream_invalid_argument_after_the_good_ones(self):
        before = self.errors()
        good = scrub_pb2.ScanStreamRequest(records=[
            scrub_pb2.Record(id="r1", text="电话138-1234-5678".encode())]).SerializeToString()
        responses = self.raw_stream(iter([good, MALFORMED[1]]), timeout=30)
        first = scrub_pb2.ScanStreamResponse.FromString(next(responses))
        self.assertEqual(first.results[0].id, "r1")
        self.assertEqual(first.results[0].verdict, scrub_pb2.REDACTED)
        with self.assertRaises(grpc.RpcError) as caught:
            next(responses)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(
            caught.exception.details(),
            "request 2 on this stream is not a valid scrub.v1.ScanStreamRequest: its %d "
            "bytes do not parse as protobuf (malformed, or a string field that is not "
            "UTF-8)" % len(MALFORMED[1]))
        self.assertEqual(self.errors() - before, 1)
        self.assertEqual(
            self.scrubd.metric(
                'scrubd_requests_total{code="INVALID_ARGUMENT",rpc="ScanStream"}'), 1)


if __name__ == "__main__":
    unittest.main()
