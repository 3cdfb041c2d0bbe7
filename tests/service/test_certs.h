// Certificates made at test time with the openssl command line (Debian's
// `openssl` package): a CA, a server certificate for localhost/127.0.0.1,
// a client certificate signed by the CA, and a client certificate signed by
// an unrelated CA. EC P-256 keys, valid for one day.
#ifndef SCRUB_TESTS_SERVICE_TEST_CERTS_H_
#define SCRUB_TESTS_SERVICE_TEST_CERTS_H_

#include <string>

namespace scrub::testing {

struct TestCerts {
  // Paths of PEM files.
  std::string ca_cert;
  std::string server_cert, server_key;
  std::string client_cert, client_key;
  std::string rogue_client_cert, rogue_client_key;  // signed by another CA

  // Reads a PEM file made here.
  static std::string Read(const std::string& path);
};

// Makes the certificates in `dir`; fails the calling test on error.
TestCerts MakeTestCerts(const std::string& dir);

}  // namespace scrub::testing

#endif  // SCRUB_TESTS_SERVICE_TEST_CERTS_H_
