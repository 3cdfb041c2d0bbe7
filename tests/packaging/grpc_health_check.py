#!/usr/bin/python3
# Usage: grpc_health_check.py TARGET [SERVICE]   (e.g. unix:/run/scrub/scrub.sock)
# Calls grpc.health.v1.Health/Check with Debian's python3-grpcio and exits 0
# if the answer is SERVING. The health .proto is not shipped, so the request
# and response are encoded by hand: HealthCheckRequest{service = 1} and
# HealthCheckResponse{status = 1}, SERVING = 1.
# Runs under /usr/bin/python3 on purpose: Debian's grpcio imports only there.
import sys

import grpc

target = sys.argv[1]
service = sys.argv[2].encode() if len(sys.argv) > 2 else b""
request = (b"\x0a" + bytes([len(service)]) + service) if service else b""
with grpc.insecure_channel(target) as channel:
    check = channel.unary_unary("/grpc.health.v1.Health/Check")
    try:
        response = check(request, timeout=5)
    except grpc.RpcError as e:
        print("health %r: %s %s" % (service.decode(), e.code(), e.details()))
        sys.exit(2)
status = {b"": "UNKNOWN", b"\x08\x01": "SERVING", b"\x08\x02": "NOT_SERVING"}.get(
    response, repr(response))
print("health %r: %s" % (service.decode(), status))
sys.exit(0 if status == "SERVING" else 1)
