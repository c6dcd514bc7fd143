package httpapi

import ()
