"use client";

import { Heading, Text } from "@livechat/design-system-react-components";
import { useCustomerProfile } from "./agent-app";

/** The chat's customer, as the Agent App's `customer_profile` event describes them (display only). */
export function CustomerCard() {
  const customer = useCustomerProfile();
  if (!customer) {
    return (
      <section aria-label="Customer" className="panel">
        <Text as="p" className="muted" noMargin>
          Open a chat to see its customer here.
        </Text>
      </section>
    );
  }
  const place = [customer.geolocation?.city, customer.geolocation?.country].filter(Boolean);
  return (
    <section aria-label="Customer" className="panel" data-customer-id={customer.id}>
      <Heading as="h2" size="xs">
        {customer.name || "Unnamed customer"}
      </Heading>
      {customer.email && (
        <Text as="p" size="sm" noMargin>
          {customer.email}
        </Text>
      )}
      {place.length > 0 && (
        <Text as="p" size="sm" className="muted" noMargin>
          {place.join(", ")}
        </Text>
      )}
    </section>
  );
}
