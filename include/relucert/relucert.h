/* relucert: proofs about the loss landscape of shallow ReLU networks.
   Umbrella header: include this one. */
#ifndef RELUCERT_H
#define RELUCERT_H

#include "relucert/flint_arb.h"
#include "relucert/error.h"
#include "relucert/number.h"
#include "relucert/point.h"
#include "relucert/pair.h"
#include "relucert/eval.h"
#include "relucert/spectrum.h"
#include "relucert/d_eval.h"
#include "relucert/enclosure.h"
#include "relucert/limits.h"
#include "relucert/version.h"
#include "relucert/critical.h"
#include "relucert/mincert.h"
#include "relucert/cert_json.h"
#include "relucert/rand.h"
#include "relucert/landscape.h"
#include "relucert/opsc.h"
#include "relucert/di_arb.h"
#include "relucert/sha256.h"
#include "relucert/sym.h"
#include "relucert/symcert.h"
#include "relucert/census.h"
#include "relucert/atlas.h"
#include "relucert/dense64.h"
#include "relucert/candidate.h"
#include "relucert/workflow.h"

#endif
