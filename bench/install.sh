# Sourced by the bench scripts (with $out set): installs a Debian package with apt-get, updating the package lists
# once if the first try fails, its output in $out/apt.log.
install() {
  echo "installing $1 with apt-get"
  { apt-get install -y -q "$1" || { apt-get update -q && apt-get install -y -q "$1"; }; } > "$out/apt.log" 2>&1 \
    || { echo "could not install $1: see $out/apt.log" >&2; exit 1; }
}
