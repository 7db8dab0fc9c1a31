#!/bin/sh
# Install native Voikko (faster, and needed by the Finnish spaCy model's own lemmatizer) when we
# can: as root on a Debian-like system. Anything else is fine too: the pure-pip backend is used.
# With --test also the programs the end-to-end tests drive: Neovim (the editor test), gettext
# (`msgfmt -c` on .po files) and git (pre-commit); without them those tests are skipped.
packages="libvoikko1 voikko-fi"
[ "${1:-}" = "--test" ] && packages="$packages neovim gettext git"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  missing=""
  for pkg in $packages; do dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"; done
  if [ -n "$missing" ]; then
    echo "installing:$missing"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null 2>&1 \
      || echo "could not install:$missing (the tests that need them are skipped; Voikko falls back to pure pip)"
  fi
fi
exit 0
