#!/bin/sh
# Install native Voikko (faster, and needed by the Finnish spaCy model's own lemmatizer) when we
# can: as root on a Debian-like system. Anything else is fine too: the pure-pip backend is used.
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  if ! dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1; then
    echo "installing native Voikko (libvoikko1, voikko-fi)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvoikko1 voikko-fi) >/dev/null 2>&1 \
      || echo "could not install native Voikko; using the pure-pip backend"
  fi
fi
exit 0
