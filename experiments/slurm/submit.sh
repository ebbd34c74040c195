#!/bin/bash
# Submits a sharded mc-gumbel run as a SLURM job array plus a merge job that starts when every
# shard has succeeded. Usage:
#
#   experiments/slurm/submit.sh SHARDS [extra sbatch options...]
#   MC_GUMBEL_ARGS="--widths 1024 --trials 10000" OUT=results/n1024 experiments/slurm/submit.sh 16
#
# Prints the array and merge job ids. The merged files land in $OUT/merged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:?usage: submit.sh SHARDS [sbatch options]}
shift
export SHARDS=$shards
array=$(sbatch --parsable --export=ALL --array=0-$((shards - 1)) "$@" "$here/radius-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency=afterok:"$array" "$@" "$here/merge.sbatch")
echo "array job $array, merge job ${merge%%;*}"
