#ifndef UCWA_BRIDGE_CSYSTEMD_SHIM_H
#define UCWA_BRIDGE_CSYSTEMD_SHIM_H

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
