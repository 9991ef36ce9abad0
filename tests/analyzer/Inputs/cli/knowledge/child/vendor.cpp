// acme_send is taught by ../.boundwise.yaml, acme_crunch by ./.boundwise.yaml
// (which inherits its parent's).
void acme_send(const char *data);
int acme_crunch(int n);

void push() { acme_send("x"); }
int crunch() { return acme_crunch(5); }
