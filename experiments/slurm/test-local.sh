#!/bin/bash
# End-to-end test of the SLURM scripts against a real, single-node SLURM on this machine: installs
# Debian's slurm-wlm and munge if missing (needs root), starts munged, slurmctld and slurmd,
# submits a small sharded run with submit.sh, waits for the array and the merge, and checks that
# the merged files equal a local unsharded run with the same seed. Called by .ci/run; runnable by
# hand: experiments/slurm/test-local.sh [path/to/mc-gumbel]
#
# Exit codes: 0 passed; 1 the scripts or mc-gumbel failed; 3 SLURM itself could not be set up here
# (packages, munge or the daemons), which CI reports without failing.
set -euo pipefail
unavailable() { echo "SLURM unavailable on this machine: $*"; exit 3; }
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(readlink -f "${1:-$root/target/release/mc-gumbel}")
[ -x "$bin" ] || { echo "no binary at $bin: run cargo build --release first"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "this test starts SLURM daemons and needs root"; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    echo "installing slurm-wlm and munge"
    apt-get update -qq || unavailable "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null \
        || unavailable "apt-get install slurm-wlm munge failed"
fi

host=$(hostname -s)
cpus=$(nproc)
work=$(mktemp -d /tmp/mc-gumbel-slurm.XXXXXX)
chmod 755 "$work"

# munge: a key and the daemon, run as the munge user.
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge
chmod 400 /etc/munge/munge.key
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged || unavailable "munged did not start"
munge -n | unmunge >/dev/null || unavailable "munge cannot encode and decode a credential"

# A minimal single-node cluster: this host is controller and the only node. Never overwrite a
# configuration this script did not write (a real cluster's node).
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
if [ -f /etc/slurm/slurm.conf ] && ! grep -q '^# written by mc-gumbel' /etc/slurm/slurm.conf; then
    echo "/etc/slurm/slurm.conf exists and is not ours: refusing to replace it"; exit 1
fi
cat > /etc/slurm/slurm.conf <<CONF
# written by mc-gumbel experiments/slurm/test-local.sh
ClusterName=mcgumbel
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MinJobAge=600
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
pkill -x slurmctld || true
pkill -x slurmd || true
sleep 1
slurmctld -i || unavailable "slurmctld did not start (see /var/log/slurm/slurmctld.log)"
slurmd || unavailable "slurmd did not start (see /var/log/slurm/slurmd.log)"
# Leave no daemons behind.
trap 'pkill -x slurmd || true; pkill -x slurmctld || true' EXIT
ready=
for _ in $(seq 60); do
    sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed)' && { ready=1; break; }
    sleep 1
done
[ -n "$ready" ] || unavailable "the node did not become idle within 60 s: $(sinfo 2>&1 | tr '\n' ' ')"
sinfo

# The same small run, sharded through SLURM and unsharded locally.
args="--widths 8,24 --trials 60 --ensemble complex-ginibre,real-ginibre --scale glorot,exact:0.1 --seed 7"
cd "$work"
ids=$(MC_GUMBEL="$bin" MC_GUMBEL_ARGS="$args" OUT="$work/sharded" "$here/submit.sh" 3 -c 1 -D "$work")
echo "$ids"
merge_id=${ids##* }
for _ in $(seq 300); do
    state=$(scontrol show job "$merge_id" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
    case "$state" in
        COMPLETED) break ;;
        FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY)
            echo "merge job $state"; cat "$work"/slurm-*.out || true; exit 1 ;;
    esac
    sleep 1
done
[ "${state:-}" = COMPLETED ] || { echo "merge job did not finish (state: ${state:-unknown})"; squeue; exit 1; }

# shellcheck disable=SC2086
"$bin" $args --quiet --out "$work/local"
# Every data file whole: no CSV holds a timing.
for f in radius_trials.csv radius_summary.csv convergence.csv rescaling.csv; do
    cmp "$work/local/$f" "$work/sharded/merged/$f"
done
echo "SLURM: 3-task array + afterok merge reproduced the unsharded run byte for byte ($work)"
